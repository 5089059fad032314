using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace LaunchReady.Analyzers.Tests.Verifiers
{
    public static class CSharpAnalyzerVerifier<TAnalyzer>
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        public static DiagnosticResult Diagnostic(string id) => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(id);

        /// <summary>Checks that <paramref name="source"/> produces exactly the diagnostics marked in it.</summary>
        public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
        {
            var test = new Test { TestCode = source };
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            public Test()
            {
                ReferenceAssemblies = TestReferences.AspNet80;
            }

            /// <summary>Adds <c>.editorconfig</c> content for every C# file, e.g. <c>launchready.dev_hosts = staging.shop.com</c>.</summary>
            public Test WithEditorConfig(string lines)
            {
                TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + lines + "\n"));
                return this;
            }

            /// <summary>Compiles with these preprocessor symbols defined (DEBUG for a Debug build).</summary>
            public Test WithPreprocessorSymbols(params string[] symbols)
            {
                SolutionTransforms.Add((solution, projectId) =>
                {
                    var options = (Microsoft.CodeAnalysis.CSharp.CSharpParseOptions)solution.GetProject(projectId)!.ParseOptions!;
                    return solution.WithProjectParseOptions(projectId, options.WithPreprocessorSymbols(symbols));
                });
                return this;
            }

            /// <summary>Sets MSBuild properties visible to the analyzers (build_property.*).</summary>
            public Test WithBuildProperties(string lines)
            {
                TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + lines + "\n"));
                return this;
            }
        }
    }

    public static class CSharpCodeFixVerifier<TAnalyzer, TCodeFix>
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider, new()
    {
        public static DiagnosticResult Diagnostic(string id) => CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic(id);

        public static Task VerifyCodeFixAsync(string source, string fixedSource)
        {
            var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
            {
                TestCode = source,
                FixedCode = fixedSource,
                ReferenceAssemblies = TestReferences.AspNet80,
            };
            return test.RunAsync(CancellationToken.None);
        }
    }
}
