using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LaunchReady.Analyzers.Infrastructure
{
    /// <summary>
    /// Decides, once per compilation, whether findings in a file belong to test code, where
    /// fake keys and local URLs are normal. Test code is skipped unless
    /// <c>launchready.include_test_code = true</c>.
    /// </summary>
    public sealed class TestCodeFilter
    {
        // Assemblies whose presence makes a project a test project.
        private static readonly string[] TestFrameworkAssemblies =
        {
            "xunit.core",
            "xunit.v3.core",
            "nunit.framework",
            "Microsoft.VisualStudio.TestPlatform.TestFramework",
            "MSTest.TestFramework",
            "TUnit.Core",
        };

        private readonly AnalyzerConfigOptionsProvider _options;
        private readonly System.Collections.Concurrent.ConcurrentDictionary<SyntaxTree, bool> _trees = new System.Collections.Concurrent.ConcurrentDictionary<SyntaxTree, bool>();
        private readonly bool _isTestProject;
        private volatile Tuple<SyntaxTree, bool>? _last;
        private readonly string? _projectDirectory;

        private TestCodeFilter(AnalyzerConfigOptionsProvider options, bool isTestProject, string? projectDirectory)
        {
            _options = options;
            _isTestProject = isTestProject;
            _projectDirectory = projectDirectory;
        }

        public static TestCodeFilter Create(Compilation compilation, AnalyzerOptions options)
        {
            var global = options.AnalyzerConfigOptionsProvider.GlobalOptions;
            var isTestProject =
                (global.TryGetValue("build_property.IsTestProject", out var flag) && string.Equals(flag?.Trim(), "true", StringComparison.OrdinalIgnoreCase))
                || IsTestAssemblyName(compilation.AssemblyName)
                || ReferencesTestFramework(compilation);

            global.TryGetValue("build_property.LaunchReadyProjectDirectory", out var projectDirectory);
            return new TestCodeFilter(
                options.AnalyzerConfigOptionsProvider,
                isTestProject,
                string.IsNullOrWhiteSpace(projectDirectory) ? null : projectDirectory);
        }

        /// <summary>Runs <paramref name="action"/> only for operations outside test code.</summary>
        public System.Action<OperationAnalysisContext> OutsideTests(System.Action<OperationAnalysisContext> action) =>
            context =>
            {
                if (!ShouldSkip(context.Operation.Syntax.SyntaxTree))
                {
                    action(context);
                }
            };

        /// <summary>True when findings in this source file must not be reported.</summary>
        public bool ShouldSkip(SyntaxTree tree)
        {
            // Callbacks come file by file, so the last answer is usually the one asked for again; the
            // dictionary is the fallback. The pair is replaced whole, so threads never see it half written.
            var last = _last;
            if (last is not null && ReferenceEquals(last.Item1, tree))
            {
                return last.Item2;
            }

            var skip = _trees.GetOrAdd(tree, t => (IsTestPath(t.FilePath) || _isTestProject)
                && !GeneralOptions.IncludeTestCode.Read(_options.GetOptions(t), _options.GlobalOptions));
            _last = Tuple.Create(tree, skip);
            return skip;
        }

        /// <summary>True when findings in this additional file must not be reported.</summary>
        public bool ShouldSkip(AdditionalText file) =>
            IsTestPath(file.Path) || _isTestProject
                ? !GeneralOptions.IncludeTestCode.Read(_options.GetOptions(file), _options.GlobalOptions)
                : false;

        internal static bool IsTestAssemblyName(string? assemblyName)
        {
            if (string.IsNullOrEmpty(assemblyName))
            {
                return false;
            }

            var lastSegment = assemblyName!.Substring(assemblyName.LastIndexOf('.') + 1);
            return lastSegment.EndsWith("Tests", StringComparison.Ordinal)
                || lastSegment.EndsWith("Test", StringComparison.Ordinal)
                || lastSegment.EndsWith("Specs", StringComparison.Ordinal);
        }

        // Every analyzer of the package asks at its compilation start; the references are walked once per compilation.
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, object> TestFrameworkReferences =
            new System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, object>();

        private static readonly object Yes = new object();
        private static readonly object No = new object();

        private static bool ReferencesTestFramework(Compilation compilation) =>
            TestFrameworkReferences.GetValue(compilation, c => FindTestFramework(c) ? Yes : No) == Yes;

        private static bool FindTestFramework(Compilation compilation)
        {
            foreach (var identity in compilation.ReferencedAssemblyNames)
            {
                foreach (var framework in TestFrameworkAssemblies)
                {
                    if (string.Equals(identity.Name, framework, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// A file is test code when a folder named <c>test</c> or <c>tests</c> lies between the project
        /// directory and the file, or when the project folder or its parent is such a folder. Folders
        /// above that (where the repository happens to be cloned) do not count. Without a known
        /// project directory the whole path is inspected.
        /// </summary>
        internal bool IsTestPath(string? path)
        {
            if (string.IsNullOrEmpty(path))
            {
                return false;
            }

            var normalized = path!.Replace('\\', '/');
            if (_projectDirectory is null)
            {
                return HasTestSegment(normalized, 0, normalized.LastIndexOf('/'));
            }

            var project = _projectDirectory.Replace('\\', '/').TrimEnd('/');
            if (!normalized.StartsWith(project + "/", StringComparison.OrdinalIgnoreCase))
            {
                return HasTestSegment(normalized, 0, normalized.LastIndexOf('/'));
            }

            var parentEnd = project.LastIndexOf('/');
            var parentStart = parentEnd <= 0 ? 0 : project.LastIndexOf('/', parentEnd - 1) + 1;
            return HasTestSegment(project, parentStart, project.Length)
                || HasTestSegment(normalized, project.Length + 1, normalized.LastIndexOf('/'));
        }

        // Looks at the '/'-separated folder names of text[start, end).
        private static bool HasTestSegment(string text, int start, int end)
        {
            var segmentStart = start;
            for (var i = start; i <= end && i <= text.Length; i++)
            {
                if (i == end || i == text.Length || text[i] == '/')
                {
                    var length = i - segmentStart;
                    if ((length == 4 || length == 5)
                        && string.Compare(text, segmentStart, "tests", 0, length, StringComparison.OrdinalIgnoreCase) == 0)
                    {
                        return true;
                    }

                    segmentStart = i + 1;
                }
            }

            return false;
        }
    }
}
