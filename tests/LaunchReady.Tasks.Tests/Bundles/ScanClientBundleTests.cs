using System;
using System.IO;
using System.Linq;
using LaunchReady.Tasks.Bundles;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Xunit;

namespace LaunchReady.Tasks.Tests.Bundles
{
    public class ScanClientBundleTests
    {
        private static readonly string Key = "sk_" + "live_" + "4eC39HqLyjWDarjtT1zdp7dc9aPq";

        private static (RecordingBuildEngine Engine, bool Result) Run(TempDirectory project, Action<ScanClientBundle>? configure = null)
        {
            var engine = new RecordingBuildEngine();
            var task = new ScanClientBundle
            {
                BuildEngine = engine,
                ProjectDirectory = project.Path,
                Roots = new ITaskItem[] { new TaskItem(Path.Combine(project.Path, "wwwroot")) },
                ManifestPath = "launchready.env.json",
            };
            configure?.Invoke(task);
            return (engine, task.Execute());
        }

        [Fact]
        public void RealValueOfAManifestSecret_IsFound_WithoutEverBeingLogged()
        {
            using var project = new TempDirectory();
            var name = "LR_BUNDLE_" + Guid.NewGuid().ToString("N").Substring(0, 8).ToUpperInvariant();
            var value = "pX7-" + Guid.NewGuid().ToString("N");
            project.Write("launchready.env.json", "{ \"variables\": { \"" + name + "\": { \"secret\": true } } }");
            project.Write("wwwroot/main.js", "const cfg = {\n  token: \"" + value + "\"\n};\n");
            Environment.SetEnvironmentVariable(name, value);
            try
            {
                var (engine, result) = Run(project);
                Assert.False(result);
                var error = Assert.Single(engine.Errors);
                Assert.Equal(("LR1010", 2, 11), (error.Code, error.LineNumber, error.ColumnNumber));
                Assert.Contains(name, error.Message);
                Assert.All(engine.AllText, text => Assert.False(text.Contains(value, StringComparison.Ordinal), "a secret value leaked"));
            }
            finally
            {
                Environment.SetEnvironmentVariable(name, null);
            }
        }

        [Fact]
        public void Suppressions_ByFingerprint_InTheFileOrTheManifest_AreLoggedAsSuppressed()
        {
            using var project = new TempDirectory();
            project.Write("wwwroot/a.js", "var k=\"" + Key + "\";");
            project.Write("wwwroot/b.js.map", "{\"sourcesContent\":[\"x\"]}");
            var first = Run(project);
            Assert.False(first.Result);
            var fingerprint = first.Engine.Errors.Single().Message!.Split("fingerprint ")[1].Substring(0, 8);
            var mapFingerprint = first.Engine.Warnings.Single(w => w.Code == "LR1011").Message!.Split("fingerprint ")[1].Substring(0, 8);

            project.Write("launchready.suppressions.json", "{ \"suppressions\": [ { \"fingerprint\": \"" + fingerprint + "\", \"rule\": \"LR1010\", \"reason\": \"test key of the sandbox\" } ] }");
            project.Write("launchready.env.json", "{ \"variables\": {}, \"suppressions\": [\"" + mapFingerprint + "\"] }");
            var second = Run(project);

            Assert.True(second.Result, string.Join("\n", second.Engine.AllText));
            Assert.Empty(second.Engine.Errors);
            Assert.Empty(second.Engine.Warnings);
            Assert.Contains(second.Engine.Messages, m => m.Message!.Contains("suppressed LR1010") && m.Message.Contains("test key of the sandbox"));
            Assert.Contains(second.Engine.Messages, m => m.Message!.Contains("suppressed LR1011"));
        }

        [Fact]
        public void BrokenSuppressionsFile_IsAWarning_NotACrash()
        {
            using var project = new TempDirectory();
            project.Write("wwwroot/a.js", "var k=\"" + Key + "\";");
            project.WriteBytes("launchready.suppressions.json", new byte[] { 0x7B, 0x00, 0xFF });
            var (engine, result) = Run(project);
            Assert.False(result);
            Assert.Single(engine.Errors);
            Assert.Contains(engine.Warnings, w => w.Message!.Contains("LaunchReady suppressions"));
        }

        [Fact]
        public void WarningRules_TurnBundleErrorsIntoWarnings()
        {
            using var project = new TempDirectory();
            project.Write("wwwroot/appsettings.Staging.json", "{}");
            var (engine, result) = Run(project, t => t.WarningRules = "LR1012");
            Assert.True(result);
            Assert.Equal("LR1012", Assert.Single(engine.Warnings).Code);
        }
    }
}
