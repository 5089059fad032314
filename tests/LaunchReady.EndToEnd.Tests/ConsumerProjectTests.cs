using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace LaunchReady.EndToEnd.Tests
{
    /// <summary>
    /// A project from `dotnet new webapi` that adds the packed LaunchReady.Analyzers: clean template
    /// code stays clean, violations appear at their exact file(line,col), strict builds fail, and
    /// the master switch turns everything off.
    /// </summary>
    [Collection(PackagedAnalyzerCollection.Name)]
    public sealed class ConsumerProjectTests
    {
        private static readonly object Gate = new();
        private static ConsumerBuilds? builds;

        private readonly ConsumerBuilds _builds;

        public ConsumerProjectTests(PackagedAnalyzer package)
        {
            lock (Gate)
            {
                builds ??= new ConsumerBuilds(package);
                _builds = builds;
            }
        }

        [Fact]
        public void TemplateProject_BuildsCleanWithTheAnalyzersLoaded()
        {
            var result = _builds.Clean;
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Empty(BuildDiagnostic.LaunchReady(result.Output));
            AssertAnalyzersLoaded(result);
        }

        [Fact]
        public void Violations_AreReportedAtTheirExactFileLineAndColumn()
        {
            var result = _builds.WithViolations;
            AssertAnalyzersLoaded(result);

            var client = Path.Combine(_builds.Directory, "Services", "PartnerClient.cs");
            var settings = Path.Combine(_builds.Directory, "appsettings.json");
            var expected = new[]
            {
                Expect(client, _builds.StripeKey, "LR0001", "error"),
                Expect(client, "Xk9#mP2$vL7qZ", "LR0002"),
                Expect(client, "http://localhost:5005", "LR0010"),
                Expect(client, "http://api.partner-shop.com", "LR0011"),
                Expect(settings, "Qz7!rT4@wN8eLp", "LR0003"),
                Expect(settings, "http://10.0.0.12:8080", "LR0010"),
            }.OrderBy(x => x).ToList();

            var actual = BuildDiagnostic.LaunchReady(result.Output)
                .Select(d => $"{d.FileName}({d.Line},{d.Column}): {d.Severity} {d.Id}")
                .OrderBy(x => x)
                .ToList();

            // Exactly once each: appsettings.json is also listed by the project itself and must not be analyzed twice.
            Assert.Equal(expected, actual);
        }

        [Fact]
        public void ProviderKey_IsAnErrorThatFailsTheBuildByDefault()
        {
            var result = _builds.WithViolations;
            Assert.True(result.ExitCode != 0, result.ToString());
            var errors = BuildDiagnostic.Parse(result.Output).Where(d => d.Severity == "error").Select(d => d.Id).Distinct();
            Assert.Equal(new[] { "LR0001" }, errors);
        }

        [Fact]
        public void BuildOutput_NeverContainsTheSecrets()
        {
            foreach (var result in new[] { _builds.WithViolations, _builds.Strict, _builds.LaunchReadyStrict })
            {
                // Assert.False rather than DoesNotContain: a failure must not print the value either.
                Assert.False(result.Output.Contains(_builds.StripeKey), "the build output contains the Stripe key");
                Assert.False(result.Output.Contains("Xk9#mP2$vL7qZ"), "the build output contains the service password");
                Assert.False(result.Output.Contains("Qz7!rT4@wN8eLp"), "the build output contains the SMTP password");
            }
        }

        [Fact]
        public void Messages_NameTheHostAndTheFix()
        {
            var messages = BuildDiagnostic.LaunchReady(_builds.WithViolations.Output).ToDictionary(d => (d.FileName, d.Id), d => d.Message);
            Assert.StartsWith("'localhost' is a loopback address; read the endpoint from configuration", messages[("PartnerClient.cs", "LR0010")]);
            Assert.StartsWith("'http://api.partner-shop.com' sends traffic unencrypted; use https", messages[("PartnerClient.cs", "LR0011")]);
            Assert.StartsWith("'10.0.0.12' is a private-network address", messages[("appsettings.json", "LR0010")]);
        }

        [Fact]
        public void WarningsAsErrors_FailsTheBuild()
        {
            var result = _builds.Strict;
            Assert.True(result.ExitCode != 0, result.ToString());
            var errors = BuildDiagnostic.LaunchReady(result.Output).Where(d => d.Severity == "error").Select(d => d.Id).Distinct().OrderBy(x => x);
            Assert.Equal(new[] { "LR0001", "LR0002", "LR0003", "LR0010", "LR0011" }, errors);
        }

        [Fact]
        public void StrictMode_MakesEveryLaunchReadyWarningAnError_AndLeavesOtherWarningsAlone()
        {
            var result = _builds.LaunchReadyStrict;
            Assert.True(result.ExitCode != 0, result.ToString());
            var diagnostics = BuildDiagnostic.Parse(result.Output);
            Assert.Equal(
                new[] { "LR0001", "LR0002", "LR0003", "LR0010", "LR0011" },
                diagnostics.Where(d => d.Id.StartsWith("LR", System.StringComparison.Ordinal)).Select(d => d.Severity + " " + d.Id).Distinct().OrderBy(x => x).Select(x => x.Substring("error ".Length)));
            Assert.DoesNotContain(diagnostics, d => d.Id.StartsWith("LR", System.StringComparison.Ordinal) && d.Severity == "warning");
            Assert.Contains(diagnostics, d => d.Id == "CS1030" && d.Severity == "warning");
        }

        [Fact]
        public void MasterSwitch_TurnsTheAnalyzersOff()
        {
            var result = _builds.Disabled;
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Empty(BuildDiagnostic.LaunchReady(result.Output));
        }

        private static string Expect(string file, string marker, string id, string severity = "warning")
        {
            var (line, column) = SourcePosition.Of(file, marker);
            return $"{Path.GetFileName(file)}({line},{column}): {severity} {id}";
        }

        private static void AssertAnalyzersLoaded(CommandResult result)
        {
            // CS8032/CS8033: an analyzer assembly failed to load; AD0001: an analyzer threw.
            Assert.DoesNotContain("CS8032", result.Output);
            Assert.DoesNotContain("CS8033", result.Output);
            Assert.DoesNotContain("AD0001", result.Output);
        }

        private sealed class ConsumerBuilds
        {
            public ConsumerBuilds(PackagedAnalyzer package)
            {
                Directory = package.CreateWebApi("Consumer");
                Clean = package.Build(Directory);

                // A fresh fake key per run: no real-format token is committed to the repository.
                var random = new Random();
                const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
                StripeKey = "sk_live_" + new string(Enumerable.Range(0, 40).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());

                System.IO.Directory.CreateDirectory(Path.Combine(Directory, "Services"));
                File.WriteAllText(Path.Combine(Directory, "Services", "PartnerClient.cs"), $$"""
                    namespace Consumer.Services;

                    public static class PartnerEndpoints
                    {
                        public static readonly Uri Orders = new("http://localhost:5005/orders");

                        public static readonly Uri Partner = new("http://api.partner-shop.com/v1");

                        public static readonly Uri Secure = new("https://api.partner-shop.com/v1");

                        public const string StripeKey = "{{StripeKey}}";

                        public const string ServicePassword = "Xk9#mP2$vL7qZ";
                    }
                    """);
                var settings = Path.Combine(Directory, "appsettings.json");
                File.WriteAllText(settings, File.ReadAllText(settings).Replace(
                    "\"AllowedHosts\": \"*\"",
                    "\"AllowedHosts\": \"*\",\n  \"Partner\": { \"BaseUrl\": \"http://10.0.0.12:8080\" },\n  \"Smtp\": { \"Password\": \"Qz7!rT4@wN8eLp\" }"));
                var project = Path.Combine(Directory, "Consumer.csproj");
                File.WriteAllText(project, File.ReadAllText(project).Replace(
                    "</Project>",
                    "  <ItemGroup>\n    <AdditionalFiles Include=\"appsettings.json\" />\n  </ItemGroup>\n</Project>"));

                // A warning of the compiler's own, which strict mode must leave alone.
                File.WriteAllText(Path.Combine(Directory, "Services", "Legacy.cs"), "#warning Legacy code kept for one more release\nnamespace Consumer.Services;\n");

                WithViolations = package.Build(Directory);
                LaunchReadyStrict = package.Build(Directory, "--no-incremental", "-p:LaunchReadyStrict=true");
                Strict = package.Build(Directory, "--no-incremental", "-p:TreatWarningsAsErrors=true");
                Disabled = package.Build(Directory, "--no-incremental", "-p:LaunchReadyEnabled=false");
            }

            public string Directory { get; }

            public string StripeKey { get; } = string.Empty;

            public CommandResult Clean { get; }

            public CommandResult WithViolations { get; }

            public CommandResult Strict { get; }

            public CommandResult LaunchReadyStrict { get; }

            public CommandResult Disabled { get; }
        }
    }
}
