using System;
using System.IO;
using System.Linq;
using LaunchReady.Tasks.Manifest;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Xunit;

namespace LaunchReady.Tasks.Tests.Manifest
{
    public class ValidateEnvManifestTests
    {
        // Assembled at run time so no scanner mistakes this test file for a leak.
        private static readonly string StripeKey = "sk_" + "live_" + "4eC39HqLyjWDarjtT1zdp7dc9aPq";
        private static readonly string DbPassword = "Xk9#mP2$" + "vL7qZ";

        private const string Manifest = """
            {
              "environments": ["Development", "Production"],
              "variables": {
                "STRIPE_SECRET_KEY": { "secret": true, "required": true, "pattern": "^sk_(live|test)_" },
                "ConnectionStrings__Shop": { "secret": true, "required": ["Production"] },
                "Smtp__Password": { "secret": true },
                "LOG_LEVEL": { "default": "Information" }
              }
            }
            """;

        private static (RecordingBuildEngine Engine, bool Result) Run(TempDirectory project, Action<ValidateEnvManifest>? configure = null, params string[] configFiles)
        {
            var engine = new RecordingBuildEngine();
            var task = new ValidateEnvManifest
            {
                BuildEngine = engine,
                ManifestPath = "launchready.env.json",
                ProjectDirectory = project.Path,
                ConfigFiles = configFiles.Select(f => (ITaskItem)new TaskItem(Path.Combine(project.Path, f))).ToArray(),
            };
            configure?.Invoke(task);
            return (engine, task.Execute());
        }

        private static (int Line, int Column) Where(string text, string marker)
        {
            var offset = text.IndexOf(marker, StringComparison.Ordinal);
            var line = text.Substring(0, offset).Count(c => c == '\n') + 1;
            return (line, offset - text.LastIndexOf('\n', Math.Max(0, offset - 1)) - (text.LastIndexOf('\n', Math.Max(0, offset - 1)) < 0 ? -1 : 0));
        }

        private static void AssertNoValueLeaked(RecordingBuildEngine engine, params string[] values)
        {
            foreach (var text in engine.AllText)
            {
                foreach (var value in values)
                {
                    Assert.False(text.Contains(value, StringComparison.Ordinal), "a secret value leaked");
                }
            }
        }

        [Fact]
        public void CommittedSecretValues_AreReportedInEachShippedFile_AtTheValue()
        {
            using var project = new TempDirectory();
            project.Write("launchready.env.json", Manifest);
            var settings = $$"""
                {
                  "ConnectionStrings": { "Shop": "Host=db.shop.com;Database=shop;Username=app;Password={{DbPassword}}" },
                  "Smtp": { "Host": "smtp.shop.com", "Password": "" },
                  "STRIPE_SECRET_KEY": "sk_test_your_key_here"
                }
                """;
            var launchSettings = $$"""
                {
                  "profiles": {
                    "https": { "environmentVariables": { "ASPNETCORE_ENVIRONMENT": "Development", "STRIPE_SECRET_KEY": "{{StripeKey}}" } }
                  }
                }
                """;
            var dotEnv = $"# local\nSmtp__Password={DbPassword}\nLOG_LEVEL=Debug\n";
            project.Write("appsettings.json", settings);
            project.Write("Properties/launchSettings.json", launchSettings);
            project.Write(".env", dotEnv);
            project.Write(".env.example", $"STRIPE_SECRET_KEY={StripeKey}\n");

            var (engine, result) = Run(project, null, "appsettings.json", "Properties/launchSettings.json", ".env", ".env.example");

            Assert.False(result);
            var errors = engine.Errors.OrderBy(e => e.File, StringComparer.Ordinal).ToList();
            Assert.True(errors.Count == 3, string.Join("\n", engine.AllText));
            Assert.All(errors, e => Assert.Equal("LR1003", e.Code));
            Assert.All(errors, e => Assert.EndsWith("docs/rules/LR1003.md", e.HelpLink));

            Assert.Equal(Path.Combine(project.Path, ".env"), errors[0].File);
            Assert.Equal(Where(dotEnv, DbPassword), (errors[0].LineNumber, errors[0].ColumnNumber));
            Assert.Contains("'Smtp__Password' is declared secret", errors[0].Message);

            Assert.Equal(Path.Combine(project.Path, "Properties", "launchSettings.json"), errors[1].File);
            Assert.Equal(Where(launchSettings, StripeKey), (errors[1].LineNumber, errors[1].ColumnNumber));

            Assert.Equal(Path.Combine(project.Path, "appsettings.json"), errors[2].File);
            Assert.Equal(Where(settings, DbPassword), (errors[2].LineNumber, errors[2].ColumnNumber));
            Assert.Contains("'ConnectionStrings__Shop'", errors[2].Message);
            AssertNoValueLeaked(engine, StripeKey, DbPassword);
        }

        [Fact]
        public void PlaceholdersLocalDefaultsAndIgnoredFiles_AreNotCommittedSecrets()
        {
            using var project = new TempDirectory();
            project.Write("launchready.env.json", Manifest);
            project.Write("appsettings.json", """
                {
                  "ConnectionStrings": { "Shop": "Server=localhost;Database=shop;Trusted_Connection=True" },
                  "Smtp": { "Password": "${SMTP_PASSWORD}" },
                  "STRIPE_SECRET_KEY": "<your-stripe-key>"
                }
                """);
            project.Write("appsettings.Development.json", """{ "ConnectionStrings": { "Shop": "Host=localhost;Username=app;Password=LocalDev#2024" } }""");
            project.Write(".gitignore", "bin/\nobj/\n.env\n");
            project.Write(".env", $"STRIPE_SECRET_KEY={StripeKey}\n");
            Directory.CreateDirectory(Path.Combine(project.Path, ".git"));

            var (engine, result) = Run(project, null, "appsettings.json", "appsettings.Development.json", ".env");

            Assert.True(result, string.Join("\n", engine.AllText));
            Assert.Empty(engine.Errors);
        }

        [Fact]
        public void EnvironmentValidation_NamesMissingAndMismatchedVariables_AtTheirDeclaration()
        {
            using var project = new TempDirectory();
            project.Write("launchready.env.json", Manifest);
            project.Write("prod.env", "STRIPE_SECRET_KEY=pk_live_wrongkind123\nConnectionStrings__Shop=\n");

            var (engine, result) = Run(project, t =>
            {
                t.CheckFiles = false;
                t.EnvironmentName = "Production";
                t.EnvFile = "prod.env";
            });

            Assert.False(result);
            Assert.Equal(2, engine.Errors.Count);
            Assert.All(engine.Errors, e => Assert.Equal("LR1002", e.Code));
            var missing = engine.Errors.Single(e => e.Message!.Contains("ConnectionStrings__Shop"));
            Assert.Equal(Where(Manifest, "\"ConnectionStrings__Shop\""), (missing.LineNumber, missing.ColumnNumber));
            Assert.Contains("missing or empty in the build environment or prod.env", missing.Message);
            var pattern = engine.Errors.Single(e => e.Message!.Contains("STRIPE_SECRET_KEY"));
            Assert.Equal(Where(Manifest, "\"^sk_"), (pattern.LineNumber, pattern.ColumnNumber));
            AssertNoValueLeaked(engine, "pk_live_wrongkind123");
        }

        [Fact]
        public void EnvironmentValidation_PassesWhenEverythingRequiredIsSet_AndDefaultsCount()
        {
            using var project = new TempDirectory();
            project.Write("launchready.env.json", Manifest);
            project.Write("prod.env", $"STRIPE_SECRET_KEY={StripeKey}\nConnectionStrings__Shop=Host=db;Password={DbPassword}\n");

            var (engine, result) = Run(project, t =>
            {
                t.CheckFiles = false;
                t.EnvironmentName = "production";
                t.EnvFile = "prod.env";
            });

            Assert.True(result, string.Join("\n", engine.AllText));
            Assert.Contains(engine.Messages, m => m.Message!.Contains("every variable required in production is set"));
            AssertNoValueLeaked(engine, StripeKey, DbPassword);
        }

        [Fact]
        public void EnvironmentValidation_ReadsTheProcessEnvironment()
        {
            using var project = new TempDirectory();
            var name = "LR_TEST_" + Guid.NewGuid().ToString("N").Substring(0, 8).ToUpperInvariant();
            project.Write("launchready.env.json", "{ \"variables\": { \"" + name + "\": { \"required\": true } } }");
            var unset = Run(project, t => { t.CheckFiles = false; t.EnvironmentName = "Production"; });
            Assert.False(unset.Result);

            Environment.SetEnvironmentVariable(name, "set-by-the-pipeline");
            try
            {
                var set = Run(project, t => { t.CheckFiles = false; t.EnvironmentName = "Production"; });
                Assert.True(set.Result, string.Join("\n", set.Engine.AllText));
            }
            finally
            {
                Environment.SetEnvironmentVariable(name, null);
            }
        }

        [Fact]
        public void UnknownEnvironmentName_IsLR1002_WithASuggestion()
        {
            using var project = new TempDirectory();
            project.Write("launchready.env.json", Manifest);
            var (engine, result) = Run(project, t => { t.CheckFiles = false; t.EnvironmentName = "Prodution"; });
            Assert.False(result);
            var error = Assert.Single(engine.Errors);
            Assert.Equal("LR1002", error.Code);
            Assert.Contains("did you mean 'Production'?", error.Message);
        }

        [Fact]
        public void NoManifest_IsNothingToDo_UnlessAnEnvironmentWasAskedFor()
        {
            using var project = new TempDirectory();
            Assert.True(Run(project).Result);
            var (engine, result) = Run(project, t => t.EnvironmentName = "Production");
            Assert.False(result);
            Assert.Equal("LR1002", Assert.Single(engine.Errors).Code);
        }

        [Fact]
        public void DotEnvExample_StandsInForTheManifest()
        {
            using var project = new TempDirectory();
            project.Write(".env.example", "STRIPE_SECRET_KEY=\nLOG_LEVEL=\n");
            project.Write("appsettings.json", $$"""{ "STRIPE_SECRET_KEY": "{{StripeKey}}" }""");
            var (engine, result) = Run(project, null, "appsettings.json");
            Assert.False(result);
            var error = Assert.Single(engine.Errors);
            Assert.Equal("LR1003", error.Code);
            Assert.Contains("declared secret in .env.example", error.Message);
        }

        [Theory]
        [InlineData("binary")]
        [InlineData("latin1")]
        [InlineData("truncated")]
        [InlineData("huge")]
        [InlineData("directory")]
        public void MalformedManifestFiles_GiveLR1001_NeverACrash(string kind)
        {
            using var project = new TempDirectory();
            switch (kind)
            {
                case "binary":
                    project.WriteBytes("launchready.env.json", new byte[] { 0x7B, 0x0A, 0x00, 0x01, 0xFF, 0xFE, 0x00 });
                    break;
                case "latin1":
                    project.WriteBytes("launchready.env.json", System.Text.Encoding.Latin1.GetBytes("{ \"variables\": {\n \"CAF\u00c9\": {} } }"));
                    break;
                case "truncated":
                    project.Write("launchready.env.json", Manifest.Substring(0, Manifest.Length / 2));
                    break;
                case "huge":
                    using (var stream = File.Create(Path.Combine(project.Path, "launchready.env.json")))
                    {
                        stream.SetLength(1L << 30); // sparse: no disk is used
                    }

                    break;
                case "directory":
                    Directory.CreateDirectory(Path.Combine(project.Path, "launchready.env.json"));
                    project.Write(".env.example", "A=\n");
                    break;
            }

            var (engine, result) = Run(project);
            Assert.Empty(engine.Warnings);
            if (kind == "directory")
            {
                // Not a file: the manifest is absent and .env.example is used.
                Assert.True(result);
                return;
            }

            Assert.False(result);
            var error = Assert.Single(engine.Errors);
            Assert.Equal("LR1001", error.Code);
            Assert.Equal(Path.Combine(project.Path, "launchready.env.json"), error.File);
            Assert.True(error.LineNumber >= 1);
        }

        [Fact]
        public void UnreadableAndLoopingConfigFiles_AreSkippedWithAMessage()
        {
            using var project = new TempDirectory();
            project.Write("launchready.env.json", Manifest);
            project.WriteBytes("appsettings.json", new byte[] { 0x00, 0x01, 0x02 });
            File.CreateSymbolicLink(Path.Combine(project.Path, ".env.a"), Path.Combine(project.Path, ".env.b"));
            File.CreateSymbolicLink(Path.Combine(project.Path, ".env.b"), Path.Combine(project.Path, ".env.a"));

            var (engine, result) = Run(project, null, "appsettings.json", ".env.a", ".env.b", "missing.json");

            Assert.True(result, string.Join("\n", engine.AllText));
            Assert.Empty(engine.Warnings);
            Assert.Contains(engine.Messages, m => m.Message!.Contains("appsettings.json: the file is binary"));
        }
    }
}
