using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LaunchReady.Analyzers.Baseline;
using LaunchReady.Analyzers.Http;
using LaunchReady.Analyzers.Infrastructure;
using LaunchReady.Analyzers.Secrets;
using LaunchReady.Analyzers.Tests.Verifiers;
using LaunchReady.Analyzers.Urls;
using LaunchReady.Detection.Baseline;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace LaunchReady.Analyzers.Tests.Baseline
{
    /// <summary>
    /// The baseline suppressor over real analyzer output: a baseline taken from one version of the code
    /// must keep hiding those findings after the code moves, and must let new ones through.
    /// </summary>
    public class BaselineSuppressorTests
    {
        private const string BaselinePath = "/app/launchready.baseline.json";

        private static readonly string Key = "sk_live_" + Secrets.FakeTokens.R(new Random(7), Secrets.FakeTokens.Alnum, 40);

        private static string Service(string extra = "", string indent = "    ") => $$"""
            using System;
            using System.Net.Http;

            public class Payments
            {
            {{indent}}private const string ApiKey = "{{Key}}";
            {{indent}}private readonly HttpClient _client = new HttpClient();
            {{indent}}public Uri Callback => new Uri("http://localhost:5000/hooks");
            {{extra}}
            }
            """;

        [Fact]
        public async Task BaselinedFindings_AreSuppressed_AndTheBuildWouldBeClean()
        {
            var before = await AnalyzeAsync(Service(), baseline: null);
            Assert.Contains(before, d => d.Id == "LR0001");
            Assert.Contains(before, d => d.Id == "LR0010");
            Assert.Contains(before, d => d.Id == "LR0020");

            var after = await AnalyzeAsync(Service(), BaselineOf(before));
            Assert.All(after, d => Assert.True(d.IsSuppressed, d.Id + " was not suppressed"));

            // Warnings stay visible as suppressed (IDE, SARIF); LR0001, an error by default, is left out by its analyzer.
            Assert.Equal(before.Where(d => d.Id != "LR0001").Select(d => d.Id).OrderBy(id => id), after.Select(d => d.Id).OrderBy(id => id));
        }

        [Fact]
        public async Task MovingAndReindentingCode_KeepsTheBaselineValid()
        {
            var baseline = BaselineOf(await AnalyzeAsync(Service(), baseline: null));
            var moved = "// a new comment\n\n\n" + Service(indent: "        ").Replace("public class Payments", "public class Payments // renamed nothing, moved everything");

            var after = await AnalyzeAsync(moved, baseline);
            Assert.NotEmpty(after);
            Assert.All(after, d => Assert.True(d.IsSuppressed, d.Id + " at " + d.Location.GetLineSpan().StartLinePosition + " was not suppressed"));
        }

        [Fact]
        public async Task ANewFinding_IsReported_AndOnlyIt()
        {
            var baseline = BaselineOf(await AnalyzeAsync(Service(), baseline: null));
            var changed = Service(extra: "    public Uri Admin => new Uri(\"http://localhost:7000/admin\");");

            var unsuppressed = (await AnalyzeAsync(changed, baseline)).Where(d => !d.IsSuppressed).ToList();
            var single = Assert.Single(unsuppressed);
            Assert.Equal("LR0010", single.Id);
            Assert.Equal(8, single.Location.GetLineSpan().StartLinePosition.Line);
        }

        [Fact]
        public async Task ASecondIdenticalFinding_IsNew_TheFirstStaysAccepted()
        {
            var baseline = BaselineOf(await AnalyzeAsync(Service(), baseline: null));
            var twice = Service(extra: "    private readonly HttpClient _other = new HttpClient();");

            var unsuppressed = (await AnalyzeAsync(twice, baseline)).Where(d => !d.IsSuppressed).ToList();
            Assert.Equal("LR0020", Assert.Single(unsuppressed).Id);
        }

        [Fact]
        public async Task ReplacingTheSecret_IsANewFinding()
        {
            var baseline = BaselineOf(await AnalyzeAsync(Service(), baseline: null));
            var rotatedInPlace = Service().Replace(Key, "sk_live_" + Secrets.FakeTokens.R(new Random(8), Secrets.FakeTokens.Alnum, 40));

            var unsuppressed = (await AnalyzeAsync(rotatedInPlace, baseline)).Where(d => !d.IsSuppressed).ToList();
            Assert.Equal("LR0001", Assert.Single(unsuppressed).Id);
        }

        [Fact]
        public async Task AConstantBuiltFromParts_IsSuppressedAtItsOneSpot()
        {
            // The secret analyzer sees the folded constant more than once; the compiler prints it once.
            var source = "public class C { private const string K = \"" + Key.Substring(0, 8) + "\" + \"" + Key.Substring(8, 16) + "\" + \"" + Key.Substring(24) + "\"; }";
            var before = await AnalyzeAsync(source, baseline: null);
            Assert.Contains(before, d => d.Id == "LR0001");

            var after = await AnalyzeAsync(source, BaselineOf(before));
            Assert.All(after, d => Assert.True(d.IsSuppressed, d.Id + " was not suppressed"));
        }

        [Theory]
        [InlineData("")]
        [InlineData("{ \"findings\": 3 }")]
        [InlineData("{ \"findings\": [ { \"rule\": 1 } ] ")]
        [InlineData("\u0000\u0001binary")]
        public async Task AMalformedBaseline_SuppressesNothing_AndNeverThrows(string text)
        {
            var diagnostics = await AnalyzeAsync(Service(), text);
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
            Assert.Contains(diagnostics, d => d.Id == "LR0001" && !d.IsSuppressed);
        }

        [Fact]
        public void EveryRule_HasASuppression()
        {
            var suppressed = new BaselineSuppressor().SupportedSuppressions.Select(s => s.SuppressedDiagnosticId).ToHashSet();
            var declared = typeof(RuleCatalog).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !typeof(DiagnosticSuppressor).IsAssignableFrom(t))
                .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
                .Select(d => d.Id)
                .ToHashSet();
            Assert.Equal(declared.OrderBy(id => id), suppressed.OrderBy(id => id));
        }

        /// <summary>What -t:LaunchReadyBaseline computes from the compiler's log, computed here from the diagnostics.</summary>
        private static string BaselineOf(IEnumerable<Diagnostic> diagnostics) => BaselineFile.Write(diagnostics
            .Where(d => d.Id.StartsWith("LR", StringComparison.Ordinal))
            .Select(d =>
            {
                var path = FindingFingerprint.RelativePath(d.Location.GetLineSpan().Path, "/app");
                return new BaselineEntry(d.Id, path, FindingFingerprint.Of(d.Id, path, d.Properties[Finding.SnippetProperty]!), d.GetMessage());
            })
            .GroupBy(e => (e.Fingerprint, e.Message))
            .Select(g => g.First()));

        private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source, string? baseline)
        {
            var compilation = FrameworkCompilation.Create("Shop", source, "/app/Services/Payments.cs");
            var files = baseline is null ? ImmutableArray<AdditionalText>.Empty : ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText(BaselinePath, baseline));
            var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(
                new HardcodedSecretAnalyzer(), new HardcodedUrlAnalyzer(), new HttpClientTimeoutAnalyzer(), new BaselineSuppressor());
            var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(files), null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: true);
            return await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        }
    }
}
