using System;
using System.IO;
using LaunchReady.Tasks.Infrastructure;
using LaunchReady.Tasks.Manifest;
using Xunit;

namespace LaunchReady.Tasks.Tests.Manifest
{
    public class WriteEnvHandoverTests
    {
        private static readonly string StripeKey = "sk_" + "live_" + "4eC39HqLyjWDarjtT1zdp7dc9aPq";

        private const string Manifest = """
            {
              "environments": ["Staging", "Production"],
              "variables": {
                "STRIPE_SECRET_KEY": { "description": "Stripe API key | checkout", "secret": true, "required": true, "owner": "payments" },
                "ConnectionStrings__Shop": { "description": "Primary database", "secret": true, "required": ["Production"], "owner": "platform" },
                "PUBLIC_API_BASE_URL": { "client": true, "required": ["Staging"] },
                "LOG_LEVEL": { "default": "Warning-Only-Default" }
              }
            }
            """;

        [Fact]
        public void Inventory_ListsEveryVariableWithItsFacts_AndTheStatusInTheValidatedEnvironment_NeverAValue()
        {
            using var project = new TempDirectory();
            project.Write("launchready.env.json", Manifest);
            project.Write("prod.env", $"STRIPE_SECRET_KEY={StripeKey}\n");
            var engine = new RecordingBuildEngine();
            var task = new WriteEnvHandover
            {
                BuildEngine = engine,
                ManifestPath = "launchready.env.json",
                ProjectDirectory = project.Path,
                ProjectName = "Shop.Api",
                OutputPath = "docs/handover.md",
                EnvironmentName = "Production",
                EnvFile = "prod.env",
            };

            Assert.True(task.Execute(), string.Join("\n", engine.AllText));
            var markdown = File.ReadAllText(Path.Combine(project.Path, "docs", "handover.md"));

            Assert.StartsWith("# Environment variables: Shop.Api", markdown);
            Assert.Contains("| `STRIPE_SECRET_KEY` | Stripe API key \\| checkout | payments | all (Staging, Production) | yes | no | no | set |", markdown);
            Assert.Contains("| `ConnectionStrings__Shop` | Primary database | platform | Production | yes | no | no | **missing** |", markdown);
            Assert.Contains("| `PUBLIC_API_BASE_URL` |  |  | Staging | no | yes | no | not required |", markdown);
            Assert.Contains("| `LOG_LEVEL` |  |  | optional | no | no | yes | not required |", markdown);
            Assert.Contains("- Checked against: Production (the build environment or prod.env): 1 missing or invalid", markdown);
            Assert.Contains("- [x] `STRIPE_SECRET_KEY` (secret", markdown);
            Assert.Contains("- [ ] `ConnectionStrings__Shop` (secret", markdown);
            Assert.False(markdown.Contains(StripeKey, StringComparison.Ordinal), "a secret value leaked");
            Assert.False(markdown.Contains(StripeKey.Substring(0, 12), StringComparison.Ordinal), "a secret value leaked");
            Assert.DoesNotContain("Warning-Only-Default", markdown);
            Assert.Equal(Path.Combine(project.Path, "docs", "handover.md"), task.WrittenPath);
        }

        [Fact]
        public void WithoutAnEnvironment_TheStatusColumnSaysNotChecked()
        {
            using var project = new TempDirectory();
            project.Write("launchready.env.json", Manifest);
            var task = new WriteEnvHandover { BuildEngine = new RecordingBuildEngine(), ManifestPath = "launchready.env.json", ProjectDirectory = project.Path, OutputPath = "handover.md" };
            Assert.True(task.Execute());
            var markdown = File.ReadAllText(Path.Combine(project.Path, "handover.md"));
            Assert.Contains("| not checked |", markdown);
            Assert.DoesNotContain("Before go-live", markdown);
        }

        [Fact]
        public void MalformedManifest_WritesNothing_AndReportsLR1001()
        {
            using var project = new TempDirectory();
            project.Write("launchready.env.json", "{ \"variables\": ");
            var engine = new RecordingBuildEngine();
            var task = new WriteEnvHandover { BuildEngine = engine, ManifestPath = "launchready.env.json", ProjectDirectory = project.Path, OutputPath = "handover.md" };
            Assert.False(task.Execute());
            Assert.Equal("LR1001", Assert.Single(engine.Errors).Code);
            Assert.False(File.Exists(Path.Combine(project.Path, "handover.md")));
        }
    }

    public class GitIgnoreTests
    {
        [Theory]
        [InlineData(".env\n", ".env", true)]
        [InlineData(".env*\n!.env.production\n", ".env.production", false)]
        [InlineData(".env*\n", "src/.env.local", true)]
        [InlineData("/config/\n", "config/appsettings.Local.json", true)]
        [InlineData("/config/\n", "src/config/appsettings.json", false)]
        [InlineData("**/secrets/*.json\n", "a/b/secrets/prod.json", true)]
        [InlineData("# .env\n\n", ".env", false)]
        [InlineData("appsettings.*.local.json\n", "appsettings.Development.local.json", true)]
        public void Patterns_FollowGitSemantics(string gitignore, string relativeFile, bool ignored)
        {
            using var repository = new TempDirectory();
            Directory.CreateDirectory(Path.Combine(repository.Path, ".git"));
            repository.Write(".gitignore", gitignore);
            var file = repository.Write(relativeFile, "x");
            Assert.Equal(ignored, new GitIgnore().IsIgnored(file));
        }
    }
}
