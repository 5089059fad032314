using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using LaunchReady.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace LaunchReady.Analyzers.Tests.Robustness
{
    /// <summary>
    /// Every analyzer of the package over malformed code, huge literals, odd characters and broken
    /// configuration files: findings may or may not appear, but no analyzer may throw (AD0001).
    /// </summary>
    public class HostileInputTests
    {
        private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = typeof(RuleCatalog).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

        public static IEnumerable<object[]> Names() => Sources().Select(pair => new object[] { pair[0] });

        // Test names show only the case's name: the sources hold a generated key that must not be printed.
        private static IEnumerable<object[]> Sources()
        {
            yield return new object[] { "unbalanced", "public class C { void M( { var x = \"http://localhost\"; while (true) { try { } catch { goto } } " };
            var key = "sk_live_" + LaunchReady.Analyzers.Tests.Secrets.FakeTokens.R(new Random(5), LaunchReady.Analyzers.Tests.Secrets.FakeTokens.Alnum, 40);
            yield return new object[] { "huge-literal", "public class C { const string S = \"" + new string('A', 300_000) + " " + key + " " + new string('b', 100_000) + "\"; }" };
            yield return new object[] { "odd-characters", "public class C { string s = \"\\uD800\\u0000\\u202Ehttp://[::1\\uFFFF\"; string t = \"Server=(;Password=\\u0000\"; }" };
            yield return new object[] { "http-oddities", "using System; using System.Net.Http; class C { HttpClient h = new HttpClient { Timeout = default }; void M(HttpClient c) { c.Timeout = new TimeSpan(); c.Timeout = TimeSpan.FromSeconds(double.NaN); c.Timeout = TimeSpan.FromSeconds(1e300); using var x = new HttpClient(null!); } }" };
            yield return new object[] { "loops", "class C { void M() { for (;;) { try { break; } catch { } } do { try { return; } catch when (true) { continue; } } while (true); l: try { } catch { goto l; } } }" };
            yield return new object[] { "top-level", "var x = new System.Net.Http.HttpClient(); x.Timeout = System.Threading.Timeout.InfiniteTimeSpan; for (var i = 0; ; i++) { try { return; } catch { } }" };
            yield return new object[] { "interpolations", "class C { string M(int p) => $\"{p}://{p}@{p}:{p}/\" + $@\"http://{p}\" + $\"\"\"Password={p};Host=localhost\"\"\"; }" };
        }

        [Theory]
        [MemberData(nameof(Names))]
        public async Task HostileCode_NeverMakesAnAnalyzerThrow(string name)
        {
            var source = (string)Sources().Single(pair => (string)pair[0] == name)[1];
            var diagnostics = await AnalyzeAsync(source, Array.Empty<(string, string)>());
            Assert.True(diagnostics.All(d => d.Id != "AD0001"), name + ": " + string.Join("\n", diagnostics.Where(d => d.Id == "AD0001")));
            if (name == "huge-literal")
            {
                // The analyzers did run: the key at the end of 300,000 characters is found.
                Assert.Contains(diagnostics, d => d.Id == "LR0001");
            }
        }

        [Fact]
        public async Task BrokenConfigurationFiles_NeverMakeAnAnalyzerThrow()
        {
            var random = new Random(9);
            var binary = new string(Enumerable.Range(0, 5000).Select(_ => (char)random.Next(0, 0xD7FF)).ToArray());
            var files = new[]
            {
                ("/app/appsettings.json", "{ \"a\": { \"b\": [ \"http://localhost\", { \"Password\": \"Xk9#mP2$vL7qZ\" "),
                ("/app/appsettings.Production.json", binary),
                ("/app/.env", "export\n=\n\"\nPASSWORD=\"unterminated\nKEY==" + new string('=', 10_000)),
                ("/app/web.config", "<configuration><add key=\"Password\" value=\"<<<\" /><add " + new string('<', 5_000)),
                ("/app/Properties/launchSettings.json", new string('{', 50_000)),
            };

            var diagnostics = await AnalyzeAsync("public class C { }", files);
            Assert.True(diagnostics.All(d => d.Id != "AD0001"), string.Join("\n", diagnostics.Where(d => d.Id == "AD0001")));
            Assert.Contains(diagnostics, d => d.Id == "LR0010");
        }

        private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source, (string Path, string Text)[] files)
        {
            // The framework only: with the test run's own references (xunit) the code would count as test code and be skipped.
            var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
            var references = Directory.GetFiles(runtime, "System*.dll").Concat(new[] { Path.Combine(runtime, "netstandard.dll") })
                .Where(File.Exists)
                .Select(path => MetadataReference.CreateFromFile(path));
            var compilation = CSharpCompilation.Create(
                "Hostile",
                new[] { CSharpSyntaxTree.ParseText(source, path: "/app/Hostile.cs") },
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var additional = files.Select(f => (AdditionalText)new InMemoryText(f.Path, f.Text)).ToImmutableArray();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(additional),
                onAnalyzerException: null,
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false);
            return await compilation.WithAnalyzers(Analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        }

        private sealed class InMemoryText(string path, string text) : AdditionalText
        {
            public override string Path { get; } = path;

            public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text, Encoding.UTF8);
        }
    }
}
