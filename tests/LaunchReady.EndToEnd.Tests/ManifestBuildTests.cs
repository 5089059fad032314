using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using Xunit;

namespace LaunchReady.EndToEnd.Tests
{
    /// <summary>
    /// The env manifest as a consumer meets it: a broken manifest fails the build at the exact spot,
    /// committed secrets and undeclared reads are reported, a real environment is validated from the
    /// process environment, the handover inventory is written, and no value reaches the build output
    /// or the binary log.
    /// </summary>
    [Collection(PackagedAnalyzerCollection.Name)]
    public sealed class ManifestBuildTests
    {
        private static readonly Random Random = new(2026);

        private readonly PackagedAnalyzer _package;

        public ManifestBuildTests(PackagedAnalyzer package)
        {
            _package = package;
        }

        private static string StripeKey() =>
            "sk_live_" + new string(Enumerable.Range(0, 32).Select(_ => "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789"[Random.Next(57)]).ToArray());

        private const string CheckoutCode = """
            namespace Shop;

            public static class Checkout
            {
                public static string StripeKey() =>
                    Environment.GetEnvironmentVariable("STRIPE_SECRET_KEY") ?? throw new InvalidOperationException("STRIPE_SECRET_KEY is not set");
            }
            """;

        private static void AssertAt(IReadOnlyList<BuildDiagnostic> diagnostics, string file, string marker, string id, string severity = "error")
        {
            var (line, column) = SourcePosition.Of(file, marker);
            Assert.True(
                diagnostics.Any(d => d.FileName == Path.GetFileName(file) && d.Line == line && d.Column == column && d.Id == id && d.Severity == severity),
                $"expected {Path.GetFileName(file)}({line},{column}): {severity} {id} among:\n{string.Join("\n", diagnostics)}");
        }

        /// <summary>Searches the decompressed binary log for the value as UTF-8 and UTF-16.</summary>
        internal static void AssertNotInBinaryLog(string binlog, params string[] values)
        {
            Assert.True(File.Exists(binlog), "no binary log at " + binlog);
            using var input = new GZipStream(File.OpenRead(binlog), CompressionMode.Decompress);
            using var buffer = new MemoryStream();
            input.CopyTo(buffer);
            var bytes = buffer.ToArray();
            Assert.True(bytes.Length > 1000, "the binary log is unexpectedly small");
            foreach (var value in values)
            {
                Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(value)) < 0, "a secret value is in the binary log (UTF-8)");
                Assert.True(bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(value)) < 0, "a secret value is in the binary log (UTF-16)");
            }
        }

        [Fact]
        public void MalformedManifest_FailsTheBuild_WithLR1001AtEachMistake_AndABinaryManifestDoesNotCrashIt()
        {
            var manifest = """
                {
                  "environments": ["Development", "Production"],
                  "variables": {
                    "STRIPE_SECRET_KEY": { "secret": true, "requird": true },
                    "VITE_STRIPE_KEY": { "secret": true },
                    "SMTP_HOST": { "required": ["Prod"] },
                    "smtp_host": {}
                  }
                }
                """;
            var directory = _package.CreateLibrary("ManifestErrors", ("launchready.env.json", manifest), ("Checkout.cs", CheckoutCode));
            var path = Path.Combine(directory, "launchready.env.json");

            var result = _package.Build(directory);

            Assert.NotEqual(0, result.ExitCode);
            Assert.DoesNotContain("MSB4018", result.Output);
            var diagnostics = BuildDiagnostic.LaunchReady(result.Output);
            AssertAt(diagnostics, path, "\"requird\"", "LR1001");
            AssertAt(diagnostics, path, "\"VITE_STRIPE_KEY\"", "LR1004");
            AssertAt(diagnostics, path, "\"Prod\"", "LR1001");
            AssertAt(diagnostics, path, "\"smtp_host\"", "LR1001");
            Assert.Equal(4, diagnostics.Count(d => d.FileName == "launchready.env.json"));
            Assert.Contains(diagnostics, d => d.Message.Contains("did you mean 'required'?", StringComparison.Ordinal));

            File.WriteAllBytes(path, new byte[] { 0x7B, 0x0A, 0x00, 0xFF, 0xFE, 0x13, 0x00 });
            var binary = _package.Build(directory);

            Assert.NotEqual(0, binary.ExitCode);
            Assert.DoesNotContain("MSB4018", binary.Output);
            var error = Assert.Single(BuildDiagnostic.LaunchReady(binary.Output));
            Assert.Equal(("launchready.env.json", 2, "LR1001"), (error.FileName, error.Line, error.Id));
            Assert.Contains("binary", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void CommittedSecretAndUndeclaredRead_AreReportedAtTheirSpots_WithoutTheValueInAnyLog()
        {
            var key = StripeKey();
            var manifest = """
                {
                  "variables": {
                    "STRIPE_SECRET_KEY": { "description": "Stripe API key", "secret": true, "required": true }
                  }
                }
                """;
            var settings = "{\n  \"Logging\": { \"LogLevel\": { \"Default\": \"Information\" } },\n  \"STRIPE_SECRET_KEY\": \"" + key + "\"\n}\n";
            var mail = """
                namespace Shop;

                public static class Mail
                {
                    public static string? ApiKey() => Environment.GetEnvironmentVariable("SENDGRID_API_KEY");
                }
                """;
            var directory = _package.CreateLibrary(
                "CommittedSecret",
                ("launchready.env.json", manifest),
                ("appsettings.json", settings),
                ("Checkout.cs", CheckoutCode),
                ("Mail.cs", mail));
            var binlog = Path.Combine(directory, "build.binlog");

            var result = _package.Build(directory, "-bl:" + binlog);

            Assert.NotEqual(0, result.ExitCode);
            var diagnostics = BuildDiagnostic.LaunchReady(result.Output);
            AssertAt(diagnostics, Path.Combine(directory, "appsettings.json"), key, "LR1003");
            AssertAt(diagnostics, Path.Combine(directory, "Mail.cs"), "\"SENDGRID_API_KEY\"", "LR0050", "warning");
            Assert.DoesNotContain(diagnostics, d => d.Id == "LR0050" && d.FileName == "Checkout.cs");
            Assert.False(result.Output.Contains(key, StringComparison.Ordinal), "a secret value leaked");
            Assert.False(result.Output.Contains(key.Substring(0, 12), StringComparison.Ordinal), "a secret value leaked");
            AssertNotInBinaryLog(binlog, key);
        }

        [Fact]
        public void EnvironmentValidation_HandoverAndIncrementality()
        {
            var key = StripeKey();
            var connection = "Host=db.shop.internal;Database=shop;Username=app;Password=" + key.Substring(8, 16);
            var manifest = """
                {
                  "environments": ["Development", "Production"],
                  "variables": {
                    "STRIPE_SECRET_KEY": { "description": "Stripe API key", "secret": true, "required": true, "pattern": "^sk_(live|test)_", "owner": "payments" },
                    "ConnectionStrings__Shop": { "description": "Primary database", "secret": true, "required": ["Production"] },
                    "LOG_LEVEL": { "default": "Information" }
                  }
                }
                """;
            var directory = _package.CreateLibrary("EnvValidation", ("launchready.env.json", manifest), ("Checkout.cs", CheckoutCode));
            var path = Path.Combine(directory, "launchready.env.json");

            var unset = _package.Build(directory, "-p:LaunchReadyEnvironment=Production");
            Assert.NotEqual(0, unset.ExitCode);
            var missing = BuildDiagnostic.LaunchReady(unset.Output);
            AssertAt(missing, path, "\"STRIPE_SECRET_KEY\"", "LR1002");
            AssertAt(missing, path, "\"ConnectionStrings__Shop\"", "LR1002");
            Assert.Equal(2, missing.Count);

            var environment = new Dictionary<string, string> { ["STRIPE_SECRET_KEY"] = key, ["ConnectionStrings__Shop"] = connection };
            var binlog = Path.Combine(directory, "validated.binlog");
            var set = _package.Build(directory, environment, "-p:LaunchReadyEnvironment=Production", "-bl:" + binlog);
            Assert.True(set.ExitCode == 0, set.ToString());
            Assert.Contains("every variable required in Production is set", set.Output);
            Assert.False(set.Output.Contains(key, StringComparison.Ordinal), "a secret value leaked");
            AssertNotInBinaryLog(binlog, key, connection);

            // Nothing the file checks read has changed: the target is skipped.
            var again = _package.Build(directory, "-v:d");
            Assert.True(again.ExitCode == 0, again.ToString());
            Assert.Contains("Skipping target \"LaunchReadyValidateEnvManifest\" because all output files are up-to-date", again.Output);

            var handover = _package.Build(directory, environment, "-t:LaunchReadyHandover", "-p:LaunchReadyEnvironment=Production", "-p:LaunchReadyHandoverPath=ops/handover.md");
            Assert.True(handover.ExitCode == 0, handover.ToString());
            var markdown = File.ReadAllText(Path.Combine(directory, "ops", "handover.md"));
            Assert.Contains("| `STRIPE_SECRET_KEY` | Stripe API key | payments | all (Development, Production) | yes | no | no | set |", markdown);
            Assert.Contains("| `ConnectionStrings__Shop` | Primary database |  | Production | yes | no | no | set |", markdown);
            Assert.False(markdown.Contains(key, StringComparison.Ordinal), "a secret value leaked");
            Assert.False(markdown.Contains(key.Substring(8, 16), StringComparison.Ordinal), "a secret value leaked");
        }
    }
}
