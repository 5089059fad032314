using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace LaunchReady.EndToEnd.Tests
{
    /// <summary>
    /// Adopting LaunchReady on an existing codebase: a baseline taken with -t:LaunchReadyBaseline lets a
    /// strict build pass with the old findings, survives code being moved, fails on exactly the new
    /// finding and names fixed entries as stale; SARIF for the tasks' findings; the presets.
    /// </summary>
    [Collection(PackagedAnalyzerCollection.Name)]
    public sealed class AdoptionBuildTests
    {
        private const string SmtpPassword = "Qz7!rT4@wN8eLpXv";

        private readonly PackagedAnalyzer _package;

        public AdoptionBuildTests(PackagedAnalyzer package) => _package = package;

        private static string Legacy(string key, bool moved = false, bool timeoutFixed = false, string extra = "") => $$"""
            namespace Shop.Services;
            {{(moved ? "\n// Reorganised: members reordered, comments added, everything shifted down.\n\n" : string.Empty)}}
            public sealed class LegacyClient
            {
            {{(moved ? "    public static readonly Uri Partner = new(\"http://localhost:5005/orders\");\n\n    // The key moves with its member.\n" : string.Empty)}}    public const string StripeKey = "{{key}}";

            {{(timeoutFixed ? "    private readonly HttpClient _client = new() { Timeout = TimeSpan.FromSeconds(10) };" : "    private readonly HttpClient _client = new HttpClient();")}}
            {{(moved ? string.Empty : "\n    public static readonly Uri Partner = new(\"http://localhost:5005/orders\");")}}
            {{extra}}
                public Task<string> GetAsync() => _client.GetStringAsync(Partner);
            }
            """;

        [Fact]
        public void Baseline_AcceptsTodaysFindings_SurvivesMovedCode_AndFailsOnlyOnTheNewOne()
        {
            var key = StripeKey();
            var manifest = """
                { "variables": { "Smtp__Password": { "description": "SMTP password", "secret": true, "required": true } } }
                """;
            var settings = "{\n  \"Smtp\": { \"Host\": \"smtp.shop.example\", \"Password\": \"" + SmtpPassword + "\" }\n}\n";
            var directory = _package.CreateLibrary(
                "Adopting",
                ("launchready.env.json", manifest),
                ("appsettings.json", settings),
                ("Program.cs", "var app = WebApplication.CreateBuilder(args).Build();\napp.Run();\n"),
                ("Services/LegacyClient.cs", Legacy(key)),
                ("wwwroot/js/app.js", "// shipped to browsers\nwindow.pay = \"" + key + "\";\n"));
            _package.MakeWebProject(directory);
            var legacy = Path.Combine(directory, "Services", "LegacyClient.cs");

            // Before: the existing findings fail a strict build (which stops before the bundle scan).
            var before = _package.Build(directory, "-p:LaunchReadyStrict=true");
            Assert.NotEqual(0, before.ExitCode);
            var found = BuildDiagnostic.LaunchReady(before.Output).Select(d => d.Id).Distinct().OrderBy(id => id).ToList();
            Assert.Equal(new[] { "LR0001", "LR0003", "LR0010", "LR0020", "LR1003" }, found);

            // The baseline is written even though those findings are errors, and holds no value.
            var baselineRun = _package.Build(directory, "-t:LaunchReadyBaseline");
            Assert.True(baselineRun.ExitCode == 0, baselineRun.ToString());
            var baselinePath = Path.Combine(directory, "launchready.baseline.json");
            var baseline = File.ReadAllText(baselinePath);
            Assert.False(baseline.Contains(key, StringComparison.Ordinal) || baseline.Contains(SmtpPassword, StringComparison.Ordinal), "the baseline holds a secret value");
            using (var document = JsonDocument.Parse(baseline))
            {
                // Every finding, the bundle's included.
                var rules = document.RootElement.GetProperty("findings").EnumerateArray().Select(e => e.GetProperty("rule").GetString()).Distinct().OrderBy(id => id);
                Assert.Equal(found.Append("LR1010").OrderBy(id => id), rules);
            }

            // With the baseline, the same code passes the strict build, with SARIF of the tasks' findings.
            var sarif = Path.Combine(directory, "artifacts", "launchready.sarif");
            var accepted = _package.Build(directory, "-p:LaunchReadyStrict=true", "-p:LaunchReadySarif=" + sarif, "-p:LaunchReadyBaselineMode=message");
            Assert.True(accepted.ExitCode == 0, accepted.ToString());
            Assert.Empty(BuildDiagnostic.LaunchReady(accepted.Output));

            // In message mode the accepted findings stay in sight, as messages, not warnings.
            Assert.Contains("accepted in the baseline", accepted.Output);
            Assert.Matches(@"LegacyClient\.cs\(\d+,\d+\) LR0010: ", accepted.Output);
            Assert.Matches(@"app\.js\(2,\d+\) LR1010: ", accepted.Output);
            var log = File.ReadAllText(sarif);
            Assert.False(log.Contains(key, StringComparison.Ordinal) || log.Contains(SmtpPassword, StringComparison.Ordinal), "the SARIF log holds a secret value");
            using (var document = JsonDocument.Parse(log))
            {
                var results = document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
                Assert.Equal(new[] { "LR1003", "LR1010" }, results.Select(r => r.GetProperty("ruleId").GetString()).OrderBy(id => id));
                Assert.All(results, r => Assert.Equal("external", r.GetProperty("suppressions")[0].GetProperty("kind").GetString()));
            }

            // Moving code around (and fixing the timeout) keeps the baseline valid; the fixed entry is named stale.
            File.WriteAllText(legacy, Legacy(key, moved: true, timeoutFixed: true));
            var moved = _package.Build(directory, "-p:LaunchReadyStrict=true", "-v:detailed");
            Assert.True(moved.ExitCode == 0, string.Join("\n", BuildDiagnostic.Parse(moved.Output)));
            Assert.Empty(BuildDiagnostic.LaunchReady(moved.Output));
            Assert.Contains("baseline entry LR0020 in Services/LegacyClient.cs", moved.Output);
            Assert.DoesNotContain("baseline entry LR0010", moved.Output);

            // One new finding fails the strict build, and it is the only one named.
            File.WriteAllText(legacy, Legacy(key, moved: true, timeoutFixed: true, extra: "    public static readonly Uri Admin = new(\"http://localhost:7001/admin\");\n"));
            var added = _package.Build(directory, "-p:LaunchReadyStrict=true");
            Assert.NotEqual(0, added.ExitCode);
            var single = Assert.Single(BuildDiagnostic.LaunchReady(added.Output));
            var (line, column) = SourcePosition.Of(legacy, "localhost:7001");
            Assert.Equal(("LegacyClient.cs", line, "error", "LR0010"), (single.FileName, single.Line, single.Severity, single.Id));
            Assert.InRange(single.Column, 1, column);

            // Refreshing (here the property form, which also works for a whole solution) takes in the new
            // finding and drops the fixed one; the strict build passes again.
            var refresh = _package.Build(directory, "-p:LaunchReadyWriteBaseline=true");
            Assert.True(refresh.ExitCode == 0, refresh.ToString());
            Assert.Contains("1 added, 1 fixed or changed since the previous baseline", refresh.Output);
            var refreshed = _package.Build(directory, "-p:LaunchReadyStrict=true");
            Assert.True(refreshed.ExitCode == 0, string.Join("\n", BuildDiagnostic.Parse(refreshed.Output)));

            foreach (var result in new[] { before, baselineRun, accepted, moved, added, refresh, refreshed })
            {
                Assert.False(result.Output.Contains(key, StringComparison.Ordinal) || result.Output.Contains(SmtpPassword, StringComparison.Ordinal), "a build printed a secret value");
            }
        }

        [Fact]
        public void Presets_SetSeverities_StrictFails_AuditOnlyWarns()
        {
            var code = $$"""
                namespace Shop;

                public static class Endpoints
                {
                    public static readonly Uri Orders = new("http://localhost:5005/orders");

                    public const string StripeKey = "{{StripeKey()}}";
                }
                """;
            var directory = _package.CreateLibrary("Presets", ("Endpoints.cs", code));
            string Severities(CommandResult result) =>
                string.Join(", ", BuildDiagnostic.LaunchReady(result.Output).Select(d => d.Severity + " " + d.Id).Distinct().OrderBy(x => x));

            // The strict preset's own severities, without the strict mode it also turns on.
            var strict = _package.Build(directory, "--no-incremental", "-p:LaunchReadyPreset=strict", "-p:LaunchReadyStrict=false");
            Assert.NotEqual(0, strict.ExitCode);
            Assert.Equal("error LR0001, error LR0010", Severities(strict));

            // (With LaunchReadySarif naming a folder, as a solution-wide setting does.)
            var sarifFolder = Path.Combine(directory, "sarif") + Path.DirectorySeparatorChar;
            var audit = _package.Build(directory, "--no-incremental", "-p:LaunchReadyPreset=audit", "-p:LaunchReadySarif=" + sarifFolder);
            Assert.True(audit.ExitCode == 0, audit.ToString());
            Assert.Equal("warning LR0001, warning LR0010", Severities(audit));
            Assert.True(File.Exists(Path.Combine(sarifFolder, "Presets.launchready.sarif")), "no per-project SARIF file in the folder");

            var recommended = _package.Build(directory, "--no-incremental", "-p:LaunchReadyPreset=recommended");
            Assert.Equal("error LR0001, warning LR0010", Severities(recommended));

            var unknown = _package.Build(directory, "--no-incremental", "-p:LaunchReadyPreset=paranoid");
            Assert.Contains("LaunchReadyPreset 'paranoid' is not a LaunchReady preset", unknown.Output);
        }

        // A fresh fake key per run: no real-format token is committed to the repository.
        private static string StripeKey()
        {
            var random = new Random();
            const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
            return "sk_live_" + new string(Enumerable.Range(0, 40).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
        }
    }
}
