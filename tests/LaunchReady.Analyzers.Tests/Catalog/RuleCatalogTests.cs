using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using LaunchReady.Analyzers.Infrastructure;
using LaunchReady.Tasks.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace LaunchReady.Analyzers.Tests.Catalog
{
    /// <summary>
    /// Keeps every declared rule consistent with its docs page, release-tracking row, README row and
    /// options. Run with LAUNCHREADY_UPDATE_README=1 to regenerate the README rule table.
    /// </summary>
    public class RuleCatalogTests
    {
        private const string TableStart = "<!-- rules -->";
        private const string TableEnd = "<!-- /rules -->";

        // Rules of the public catalog that no analyzer or task implements yet: listed as planned.
        private static readonly (string Id, string Title, string Family, DiagnosticSeverity Severity)[] PlannedRules =
            Array.Empty<(string, string, string, DiagnosticSeverity)>();

        private static readonly Assembly AnalyzerAssembly = typeof(RuleCatalog).Assembly;

        public static IEnumerable<object[]> Descriptors() => AllDescriptors().Select(d => new object[] { d.Id });

        public static IEnumerable<object[]> TaskRuleIds() => TaskRules.All.Select(r => new object[] { r.Id });

        [Fact]
        public void EveryAnalyzer_IsSealedAndDeclaresCSharp()
        {
            foreach (var type in AnalyzerTypes())
            {
                Assert.True(type.IsSealed, type.Name + " must be sealed");
                var attribute = type.GetCustomAttribute<DiagnosticAnalyzerAttribute>();
                Assert.NotNull(attribute);
                Assert.Contains(LanguageNames.CSharp, attribute!.Languages);
            }
        }

        [Theory]
        [MemberData(nameof(Descriptors))]
        public void Descriptor_FollowsTheCatalog(string id)
        {
            var descriptor = Descriptor(id);
            Assert.Matches(@"^LR\d{4}$", descriptor.Id);
            Assert.Equal(RuleCatalog.HelpLink(id), descriptor.HelpLinkUri);
            Assert.StartsWith("LaunchReady.", descriptor.Category);
            Assert.DoesNotContain(PlannedRules, p => p.Id == id);
            Assert.False(descriptor.MessageFormat.ToString().EndsWith(".", StringComparison.Ordinal), "messages have no trailing period");
            Assert.False(string.IsNullOrWhiteSpace(descriptor.Description.ToString()));
        }

        [Theory]
        [MemberData(nameof(Descriptors))]
        public void Descriptor_HasADocsPageWithEverySection(string id)
        {
            var descriptor = Descriptor(id);
            var page = Path.Combine(RepositoryRoot, "docs", "rules", id + ".md");
            Assert.True(File.Exists(page), page + " is missing");
            var text = File.ReadAllText(page);
            Assert.StartsWith($"# {id} - {descriptor.Title}\n", text.Replace("\r", string.Empty));
            foreach (var section in new[] { "## What it flags", "## Why it matters at launch", "## Bad", "## Good", "## How to fix", "## Options", "## When to suppress" })
            {
                Assert.Contains(section, text);
            }

            foreach (var option in Options().Where(o => o.RuleIds.Contains(id)))
            {
                Assert.Contains("`" + option.Key + "`", text);
            }
        }

        [Theory]
        [MemberData(nameof(TaskRuleIds))]
        public void TaskRule_HasADocsPageWithEverySection_AndItsProperties(string id)
        {
            var rule = TaskRules.All.Single(r => r.Id == id);
            Assert.DoesNotContain(PlannedRules, p => p.Id == id);
            Assert.DoesNotContain(AllDescriptors(), d => d.Id == id);
            var page = Path.Combine(RepositoryRoot, "docs", "rules", id + ".md");
            Assert.True(File.Exists(page), page + " is missing");
            var text = File.ReadAllText(page);
            Assert.StartsWith($"# {id} - {rule.Title}\n", text.Replace("\r", string.Empty));
            foreach (var section in new[] { "## What it flags", "## Why it matters at launch", "## Bad", "## Good", "## How to fix", "## Options", "## When to suppress" })
            {
                Assert.Contains(section, text);
            }

            Assert.All(rule.Properties, property => Assert.Contains("`" + property + "`", text));
        }

        [Theory]
        [MemberData(nameof(Descriptors))]
        public void Descriptor_IsInReleaseTracking(string id)
        {
            var descriptor = Descriptor(id);
            var rows = File.ReadAllLines(Path.Combine(RepositoryRoot, "src", "LaunchReady.Analyzers", "AnalyzerReleases.Unshipped.md"))
                .Concat(File.ReadAllLines(Path.Combine(RepositoryRoot, "src", "LaunchReady.Analyzers", "AnalyzerReleases.Shipped.md")));
            Assert.Contains(rows, row => row.StartsWith($"{id} | {descriptor.Category} | {descriptor.DefaultSeverity} |", StringComparison.Ordinal));
        }

        [Fact]
        public void EveryProviderFormat_IsListedOnTheLR0001Page()
        {
            var page = File.ReadAllText(Path.Combine(RepositoryRoot, "docs", "rules", "LR0001.md"));
            Assert.All(LaunchReady.Detection.SecretDetector.FormatNames, name => Assert.Contains("`" + name + "`", page));
        }

        [Fact]
        public void EveryDocsPage_BelongsToADeclaredRule()
        {
            var declared = AllDescriptors().Select(d => d.Id).Concat(TaskRules.All.Select(r => r.Id)).ToHashSet();
            var pages = Directory.GetFiles(Path.Combine(RepositoryRoot, "docs", "rules"), "LR*.md").Select(path => Path.GetFileNameWithoutExtension(path)!);
            Assert.All(pages, page => Assert.Contains(page, declared));
        }

        [Fact]
        public void Options_FollowTheNamingScheme()
        {
            var options = Options().ToList();
            Assert.NotEmpty(options);
            Assert.All(options, o => Assert.Matches(@"^launchready\.([a-z0-9_]+\.)?[a-z][a-z0-9_]*$", o.Key));
            Assert.Equal(options.Count, options.Select(o => o.Key).Distinct().Count());
        }

        [Fact]
        public void StrictMode_ListsEveryRule()
        {
            var targets = File.ReadAllText(Path.Combine(RepositoryRoot, "build", "LaunchReady.Analyzers.targets"));
            var list = Regex.Match(targets, "<_LaunchReadyRuleIds>(?<ids>[^<]*)</_LaunchReadyRuleIds>").Groups["ids"].Value.Split(';');
            var all = AllDescriptors().Select(d => d.Id).Concat(TaskRules.All.Select(r => r.Id)).OrderBy(id => id, StringComparer.Ordinal);
            Assert.Equal(all, list.OrderBy(id => id, StringComparer.Ordinal));
        }

        [Fact]
        public void StrictMode_AndTheBaseline_ListEveryTaskRule()
        {
            var targets = File.ReadAllText(Path.Combine(RepositoryRoot, "build", "LaunchReady.Analyzers.targets"));
            var list = Regex.Match(targets, "<_LaunchReadyTaskRuleIds>(?<ids>[^<]*)</_LaunchReadyTaskRuleIds>").Groups["ids"].Value.Split(';');
            Assert.Equal(TaskRules.All.Select(r => r.Id), list);
            Assert.Equal(AllDescriptors().Select(d => d.Id), DiagnosticIds.All.OrderBy(id => id, StringComparer.Ordinal));
        }

        [Theory]
        [InlineData("presets/launchready.recommended.globalconfig")]
        [InlineData("presets/launchready.strict.globalconfig")]
        [InlineData("presets/launchready.audit.globalconfig")]
        [InlineData("launchready.baseline-run.globalconfig")]
        public void GlobalConfigs_SetEveryAnalyzerRule_Once(string file)
        {
            var text = File.ReadAllText(Path.Combine(RepositoryRoot, "build", file));
            Assert.Contains("is_global = true", text);
            var settings = Regex.Matches(text, @"^dotnet_diagnostic\.(?<id>LR\d{4})\.severity = (?<severity>\w+)$", RegexOptions.Multiline)
                .Select(m => (Id: m.Groups["id"].Value, Severity: m.Groups["severity"].Value))
                .ToList();
            Assert.Equal(AllDescriptors().Select(d => d.Id), settings.Select(s => s.Id).OrderBy(id => id, StringComparer.Ordinal));
            Assert.All(settings, s => Assert.Contains(s.Severity, new[] { "error", "warning", "suggestion" }));
            if (file.Contains("recommended", StringComparison.Ordinal))
            {
                // The recommended preset is the defaults, written out.
                Assert.All(settings, s => Assert.Equal(EditorConfigName(Descriptor(s.Id).DefaultSeverity), s.Severity));
            }
        }

        private static string EditorConfigName(DiagnosticSeverity severity) => severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            DiagnosticSeverity.Info => "suggestion",
            _ => "silent",
        };

        [Fact]
        public void ReadmeRuleTable_IsGeneratedFromTheCatalog()
        {
            var readmePath = Path.Combine(RepositoryRoot, "README.md");
            var readme = File.ReadAllText(readmePath).Replace("\r", string.Empty);
            var start = readme.IndexOf(TableStart, StringComparison.Ordinal);
            var end = readme.IndexOf(TableEnd, StringComparison.Ordinal);
            Assert.True(start >= 0 && end > start, "README.md needs the rule table markers");

            var expected = readme.Substring(0, start + TableStart.Length) + "\n" + GenerateTable() + readme.Substring(end);
            if (Environment.GetEnvironmentVariable("LAUNCHREADY_UPDATE_README") == "1")
            {
                File.WriteAllText(readmePath, expected);
                return;
            }

            Assert.Equal(expected, readme);
        }

        private static string GenerateTable()
        {
            var rows = AllDescriptors()
                .Select(d => (d.Id, Title: d.Title.ToString(), Family: d.Category.Substring("LaunchReady.".Length), d.DefaultSeverity, Available: true))
                .Concat(TaskRules.All.Select(r => (r.Id, r.Title, r.Family, DefaultSeverity: r.IsError ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, Available: true)))
                .Concat(PlannedRules.Select(p => (p.Id, p.Title, p.Family, DefaultSeverity: p.Severity, Available: false)))
                .OrderBy(r => r.Id, StringComparer.Ordinal);

            var table = new StringBuilder();
            table.Append("| ID | Rule | Family | Default | Status |\n");
            table.Append("|---|---|---|---|---|\n");
            foreach (var row in rows)
            {
                var id = row.Available ? $"[{row.Id}](docs/rules/{row.Id}.md)" : row.Id;
                var severity = row.DefaultSeverity switch
                {
                    DiagnosticSeverity.Error => "error",
                    DiagnosticSeverity.Warning => "warning",
                    _ => "suggestion",
                };
                table.Append($"| {id} | {row.Title} | {row.Family} | {severity} | {(row.Available ? "available" : "planned")} |\n");
            }

            return table.ToString();
        }

        private static IEnumerable<Type> AnalyzerTypes() =>
            AnalyzerAssembly.GetTypes().Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t));

        private static IEnumerable<DiagnosticDescriptor> AllDescriptors() =>
            AnalyzerTypes()
                .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
                .GroupBy(d => d.Id)
                .Select(g => g.First())
                .OrderBy(d => d.Id, StringComparer.Ordinal);

        private static DiagnosticDescriptor Descriptor(string id) => AllDescriptors().Single(d => d.Id == id);

        private static IEnumerable<OptionDefinition> Options() =>
            AnalyzerAssembly.GetTypes()
                .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
                .Where(f => typeof(OptionDefinition).IsAssignableFrom(f.FieldType))
                .Select(f => (OptionDefinition)f.GetValue(null)!);

        private static string RepositoryRoot { get; } = FindRepositoryRoot();

        private static string FindRepositoryRoot()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "LaunchReady.Analyzers.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("LaunchReady.Analyzers.sln not found");
        }
    }
}
