using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using LaunchReady.Tasks.Bundles;
using LaunchReady.Tasks.Infrastructure;
using LaunchReady.Tasks.Sarif;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Xunit;

namespace LaunchReady.Tasks.Tests.Sarif
{
    /// <summary>
    /// The tasks' SARIF log checked against what the SARIF 2.1.0 schema requires (a version, runs, a
    /// tool driver with a name, results with a message) and what code-scanning services use (rule
    /// metadata with help links, locations, partialFingerprints, suppressions).
    /// </summary>
    public class SarifLogTests
    {
        private static readonly string Key = "sk_" + "live_" + "4eC39HqLyjWDarjtT1zdp7dc9aPq";

        [Fact]
        public void TaskFindings_BecomeAValidSarifLog_WithoutTheSecret()
        {
            using var project = new TempDirectory();
            project.Write("wwwroot/js/app.js", "// build\nvar k=\"" + Key + "\";");
            project.Write("wwwroot/appsettings.Production.json", "{}");
            project.Write("wwwroot/js/app.js.map", "{\"sourcesContent\":[\"x\"]}");
            var findings = Path.Combine(project.Path, "obj", "bundle.json");
            new ScanClientBundle
            {
                BuildEngine = new RecordingBuildEngine(),
                ProjectDirectory = project.Path,
                Roots = new ITaskItem[] { new TaskItem(Path.Combine(project.Path, "wwwroot")) },
                FindingsFile = findings,
            }.Execute();
            var output = Path.Combine(project.Path, "out", "launchready.sarif");
            var engine = new RecordingBuildEngine();

            Assert.True(new WriteLaunchReadySarif { BuildEngine = engine, OutputFile = output, FindingsFiles = new ITaskItem[] { new TaskItem(findings) } }.Execute());

            var text = File.ReadAllText(output);
            Assert.False(text.Contains(Key, StringComparison.Ordinal), "the secret value reached the SARIF log");
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            Assert.Equal("2.1.0", root.GetProperty("version").GetString());
            var run = Assert.Single(root.GetProperty("runs").EnumerateArray());
            var driver = run.GetProperty("tool").GetProperty("driver");
            Assert.Equal("LaunchReady.Analyzers", driver.GetProperty("name").GetString());
            var rules = driver.GetProperty("rules").EnumerateArray().ToList();
            Assert.Equal(TaskRules.All.Select(r => r.Id), rules.Select(r => r.GetProperty("id").GetString()));
            Assert.All(rules, r => Assert.EndsWith(r.GetProperty("id").GetString() + ".md", r.GetProperty("helpUri").GetString()));

            var results = run.GetProperty("results").EnumerateArray().ToList();
            Assert.Equal(new[] { "LR1010", "LR1011", "LR1012" }, results.Select(r => r.GetProperty("ruleId").GetString()).OrderBy(id => id));
            foreach (var result in results)
            {
                Assert.False(string.IsNullOrEmpty(result.GetProperty("message").GetProperty("text").GetString()));
                var ruleIndex = result.GetProperty("ruleIndex").GetInt32();
                Assert.Equal(result.GetProperty("ruleId").GetString(), rules[ruleIndex].GetProperty("id").GetString());
                Assert.Matches("^[0-9a-f]{16}$", result.GetProperty("partialFingerprints").GetProperty(SarifLog.FingerprintKey).GetString());
                var uri = new Uri(result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!);
                Assert.True(uri.IsFile && File.Exists(uri.LocalPath));
                Assert.Contains(result.GetProperty("level").GetString(), new[] { "error", "warning" });
            }

            var secret = results.Single(r => r.GetProperty("ruleId").GetString() == "LR1010");
            var region = secret.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
            Assert.Equal((2, 8), (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32()));
        }

        [Fact]
        public void BaselinedFindings_AreMarkedSuppressed_AndAnEmptyBuildIsAnEmptyRun()
        {
            var baselined = new LoggedFinding("LR1003", "/app/appsettings.json", 3, 5, "'Db__Password' is declared secret", true, "appsettings.json", "0123456789abcdef", baselined: true);
            using (var document = JsonDocument.Parse(SarifLog.Write(new[] { baselined }, "1.2.3")))
            {
                var result = document.RootElement.GetProperty("runs")[0].GetProperty("results")[0];
                Assert.Equal("external", result.GetProperty("suppressions")[0].GetProperty("kind").GetString());
                Assert.Equal("1.2.3", document.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("version").GetString());
            }

            using var empty = JsonDocument.Parse(SarifLog.Write(Array.Empty<LoggedFinding>(), "1.2.3"));
            Assert.Equal(0, empty.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
        }
    }
}
