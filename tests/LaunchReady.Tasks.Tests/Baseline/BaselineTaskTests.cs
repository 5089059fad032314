using System;
using System.IO;
using System.Linq;
using LaunchReady.Detection.Baseline;
using LaunchReady.Tasks.Baseline;
using LaunchReady.Tasks.Bundles;
using LaunchReady.Tasks.Infrastructure;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Xunit;

namespace LaunchReady.Tasks.Tests.Baseline
{
    /// <summary>The baseline from the tasks' side: applying it to task findings, writing it, and finding stale entries.</summary>
    public class BaselineTaskTests
    {
        private static readonly string Key = "sk_" + "live_" + "4eC39HqLyjWDarjtT1zdp7dc9aPq";
        private static readonly string OtherKey = "sk_" + "live_" + "9zQ81PmRtYwXcVbNaSdFgHjK2LqE";

        private static (RecordingBuildEngine Engine, bool Result) Scan(TempDirectory project, string findingsFile)
        {
            var engine = new RecordingBuildEngine();
            var task = new ScanClientBundle
            {
                BuildEngine = engine,
                ProjectDirectory = project.Path,
                Roots = new ITaskItem[] { new TaskItem(Path.Combine(project.Path, "wwwroot")) },
                BaselineFile = Path.Combine(project.Path, BaselineFile.DefaultFileName),
                FindingsFile = Path.Combine(project.Path, "obj", findingsFile),
            };
            return (engine, task.Execute());
        }

        private static string CompilerLog(string projectPath, params (string Rule, string File, string Snippet, bool Suppressed)[] results) =>
            "{ \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\", \"version\": \"2.1.0\", \"runs\": [ { \"tool\": { \"driver\": { \"name\": \"Microsoft (R) Visual C# Compiler\" } }, \"results\": [" +
            string.Join(",", results.Select(r =>
                "{ \"ruleId\": \"" + r.Rule + "\", \"level\": \"warning\", \"message\": { \"text\": \"m\" }" +
                (r.Suppressed
                    ? r.Snippet.StartsWith("b", StringComparison.Ordinal)
                        ? ", \"suppressions\": [ { \"kind\": \"inSource\", \"properties\": { \"suppressionType\": \"DiagnosticSuppressor { Suppression Id: LRB0010, Suppression Justification: Accepted in the LaunchReady baseline }\" } } ]"
                        : ", \"suppressions\": [ { \"kind\": \"inSource\" } ]"
                    : string.Empty) +
                ", \"locations\": [ { \"physicalLocation\": { \"artifactLocation\": { \"uri\": \"" + new Uri(Path.Combine(projectPath, r.File)).AbsoluteUri + "\" }, \"region\": { \"startLine\": 3, \"startColumn\": 1 } } } ]" +
                ", \"properties\": { \"warningLevel\": 1, \"customProperties\": { \"LaunchReadySnippet\": \"" + r.Snippet + "\" } } }")) +
            "] } ] }";

        [Fact]
        public void ABaselinedBundleSecret_IsLogged_ANewOneIsReported_AndBothAreRecorded()
        {
            using var project = new TempDirectory();
            project.Write("wwwroot/js/app.js", "var k=\"" + Key + "\";");
            var first = Scan(project, "bundle.json");
            Assert.False(first.Result);
            var recorded = FindingsLog.Read(Path.Combine(project.Path, "obj", "bundle.json"));
            var finding = Assert.Single(recorded);
            Assert.Equal(("LR1010", "wwwroot/js/app.js", false), (finding.RuleId, finding.Path, finding.Baselined));
            project.Write(BaselineFile.DefaultFileName, BaselineFile.Write(new[] { new BaselineEntry(finding.RuleId, finding.Path, finding.Fingerprint, finding.Message) }));

            // Moved within the file and joined by a second secret: only the second is new.
            project.Write("wwwroot/js/app.js", "/* header */\n\nvar other=\"" + OtherKey + "\";\nvar k=\"" + Key + "\";");
            var second = Scan(project, "bundle.json");

            var error = Assert.Single(second.Engine.Errors);
            Assert.Equal(3, error.LineNumber);
            Assert.Contains(second.Engine.Messages, m => m.Importance == MessageImportance.Low && m.Message!.Contains("accepted in the baseline"));
            var both = FindingsLog.Read(Path.Combine(project.Path, "obj", "bundle.json"));
            Assert.Equal(new[] { false, true }, both.OrderBy(f => f.Line).Select(f => f.Baselined));
            var shown = new RecordingBuildEngine();
            new ScanClientBundle
            {
                BuildEngine = shown,
                ProjectDirectory = project.Path,
                Roots = new ITaskItem[] { new TaskItem(Path.Combine(project.Path, "wwwroot")) },
                BaselineFile = Path.Combine(project.Path, BaselineFile.DefaultFileName),
                BaselineMode = "message",
            }.Execute();
            Assert.Contains(shown.Messages, m => m.Importance == MessageImportance.High && m.Message!.Contains("accepted in the baseline") && m.Message.Contains("app.js(4,8) LR1010"));
            Assert.All(second.Engine.AllText.Concat(shown.AllText).Concat(new[] { File.ReadAllText(Path.Combine(project.Path, "obj", "bundle.json")) }), text =>
                Assert.False(text.Contains(Key, StringComparison.Ordinal) || text.Contains(OtherKey, StringComparison.Ordinal), "a secret value leaked"));
        }

        [Fact]
        public void WriteBaseline_TakesAnalyzerAndTaskFindings_LeavesSourceSuppressionsOut_AndReportsWhatChanged()
        {
            using var project = new TempDirectory();
            project.Write("wwwroot/app.js", "var k=\"" + Key + "\";");
            Scan(project, "bundle.json");
            project.Write("obj/compiler.sarif", CompilerLog(
                project.Path,
                ("LR0010", "Services/Feed.cs", "aaaa", false),
                ("LR0010", "Services/Feed.cs", "aaaa", false),
                ("LR0020", "Services/My Client.cs", "bbbb", false),
                ("LR0011", "Services/Feed.cs", "cccc", true),
                ("CA2000", "Services/Feed.cs", "dddd", false)));
            project.Write(BaselineFile.DefaultFileName, "{ \"version\": 1, \"findings\": [ { \"rule\": \"LR0030\", \"path\": \"Data/Old.cs\", \"fingerprint\": \"0123456789abcdef\" } ] }");
            var engine = new RecordingBuildEngine();

            var result = new WriteLaunchReadyBaseline
            {
                BuildEngine = engine,
                OutputFile = Path.Combine(project.Path, BaselineFile.DefaultFileName),
                CompilerLogFile = Path.Combine(project.Path, "obj", "compiler.sarif"),
                FindingsFiles = new ITaskItem[] { new TaskItem(Path.Combine(project.Path, "obj", "bundle.json")), new TaskItem(Path.Combine(project.Path, "obj", "missing.json")) },
            }.Execute();

            Assert.True(result, string.Join("\n", engine.AllText));
            var written = BaselineFile.Parse(File.ReadAllText(Path.Combine(project.Path, BaselineFile.DefaultFileName)), out var problem);
            Assert.Null(problem);
            Assert.Equal(new[] { "LR0010", "LR0010", "LR0020", "LR1010" }, written.Entries.Select(e => e.Rule).OrderBy(r => r));
            Assert.Contains(written.Entries, e => e.Path == "Services/My Client.cs");
            Assert.Equal(FindingFingerprint.Of("LR0010", "Services/Feed.cs", "aaaa"), written.Entries.First(e => e.Rule == "LR0010").Fingerprint);
            Assert.Equal(2, written.Allowance(FindingFingerprint.Of("LR0010", "Services/Feed.cs", "aaaa")));
            var summary = Assert.Single(engine.Messages, m => m.Importance == MessageImportance.High);
            Assert.Contains("4 findings", summary.Message);
            Assert.Contains("4 added, 1 fixed", summary.Message);
            Assert.False(File.ReadAllText(Path.Combine(project.Path, BaselineFile.DefaultFileName)).Contains(Key, StringComparison.Ordinal));
        }

        [Theory]
        [InlineData(null)]
        [InlineData("{ \"version\": \"1.0.0\", \"runs\": [] }")]
        [InlineData("{ broken")]
        public void WriteBaseline_WithoutAReadableCompilerLog_FailsClearly_AndKeepsTheOldFile(string? log)
        {
            using var project = new TempDirectory();
            var baseline = project.Write(BaselineFile.DefaultFileName, "{ \"version\": 1, \"findings\": [] }");
            if (log is not null)
            {
                project.Write("obj/compiler.sarif", log);
            }

            var engine = new RecordingBuildEngine();
            var result = new WriteLaunchReadyBaseline
            {
                BuildEngine = engine,
                OutputFile = baseline,
                CompilerLogFile = Path.Combine(project.Path, "obj", "compiler.sarif"),
            }.Execute();

            Assert.False(result);
            Assert.Contains("baseline was not changed", Assert.Single(engine.Errors).Message);
            Assert.Equal("{ \"version\": 1, \"findings\": [] }", File.ReadAllText(baseline));
        }

        [Fact]
        public void CheckBaseline_NamesStaleEntries_OfTheRulesThisBuildChecked_InTheDetailedLog()
        {
            using var project = new TempDirectory();
            project.Write("obj/compiler.sarif", CompilerLog(project.Path, ("LR0010", "Services/Feed.cs", "aaaa", true)));
            project.Write(BaselineFile.DefaultFileName, BaselineFile.Write(new[]
            {
                new BaselineEntry("LR0010", "Services/Feed.cs", FindingFingerprint.Of("LR0010", "Services/Feed.cs", "aaaa"), "still there"),
                new BaselineEntry("LR0020", "Services/Gone.cs", "1111111111111111", "fixed since"),
                new BaselineEntry("LR0001", "Services/Keys.cs", "2222222222222222", "hidden by its analyzer, not judged"),
                new BaselineEntry("LR1010", "wwwroot/app.js", "3333333333333333", "bundle scan did not run"),
            }));
            var engine = new RecordingBuildEngine();

            var result = new CheckLaunchReadyBaseline
            {
                BuildEngine = engine,
                BaselineFile = Path.Combine(project.Path, BaselineFile.DefaultFileName),
                CompilerLogFile = Path.Combine(project.Path, "obj", "compiler.sarif"),
                CheckedTaskRules = "LR1001;LR1003;LR1004",
            }.Execute();

            Assert.True(result);
            Assert.Empty(engine.Warnings);
            var stale = Assert.Single(engine.Messages, m => m.Importance == MessageImportance.Low && m.Message!.Contains("no longer matches"));
            Assert.Contains("LR0020 in Services/Gone.cs", stale.Message);
            Assert.Contains(engine.Messages, m => m.Importance == MessageImportance.Normal && m.Message!.Contains("1 of the 4 baseline entries"));
        }

        [Fact]
        public void MessageMode_ListsAcceptedFindings_AsMessagesThatAreNotWarnings()
        {
            using var project = new TempDirectory();
            project.Write("obj/compiler.sarif", CompilerLog(
                project.Path,
                ("LR0010", "Services/Feed.cs", "bbbb", true),
                ("LR0011", "Services/Feed.cs", "cccc", true)));
            project.Write(BaselineFile.DefaultFileName, BaselineFile.Write(new[]
            {
                new BaselineEntry("LR0010", "Services/Feed.cs", FindingFingerprint.Of("LR0010", "Services/Feed.cs", "bbbb"), "m"),
            }));
            var engine = new RecordingBuildEngine();

            new CheckLaunchReadyBaseline
            {
                BuildEngine = engine,
                BaselineFile = Path.Combine(project.Path, BaselineFile.DefaultFileName),
                BaselineMode = "message",
                CompilerLogFile = Path.Combine(project.Path, "obj", "compiler.sarif"),
            }.Execute();

            // Only the baseline's suppression is listed, not the one in source (#pragma), at the line SARIF gives.
            var accepted = Assert.Single(engine.Messages, m => m.Message!.Contains("accepted in the baseline"));
            Assert.Equal(MessageImportance.High, accepted.Importance);
            Assert.Contains("Feed.cs(3,1) LR0010: m", accepted.Message);
            Assert.DoesNotContain(" warning ", accepted.Message);
            Assert.Empty(engine.Warnings);
        }

        [Fact]
        public void CheckBaseline_WarnsOnceAboutADamagedBaseline()
        {
            using var project = new TempDirectory();
            project.Write(BaselineFile.DefaultFileName, "{ \"findings\": [ { \"rule\": 3 } ] }");
            var engine = new RecordingBuildEngine();

            new CheckLaunchReadyBaseline { BuildEngine = engine, BaselineFile = Path.Combine(project.Path, BaselineFile.DefaultFileName) }.Execute();

            Assert.Contains("entry without", Assert.Single(engine.Warnings).Message);
        }

        [Fact]
        public void BaselineFile_CountsIdenticalFindings_AndRoundTrips()
        {
            var entries = new[]
            {
                new BaselineEntry("LR0020", "b.cs", "f1", "one"),
                new BaselineEntry("LR0020", "b.cs", "f1", "one"),
                new BaselineEntry("LR0010", "a.cs", "f2", "quote \" and \\ and\nnewline"),
            };
            var parsed = BaselineFile.Parse(BaselineFile.Write(entries), out var problem);

            Assert.Null(problem);
            Assert.Equal("a.cs", parsed.Entries[0].Path);
            Assert.Equal("quote \" and \\ and\nnewline", parsed.Entries[0].Message);
            Assert.Equal(new[] { true, true, false }, parsed.Covers(new[] { "f1", "f1", "f1" }));
            Assert.Equal(new[] { "f2" }, parsed.Stale(new[] { "f1", "f1", "f3" }).Select(e => e.Fingerprint));
            Assert.Equal("a/b.cs", FindingFingerprint.RelativePath("C:\\repo\\app\\a\\b.cs", "C:\\repo\\app"));
            Assert.Equal("../../launchready.env.json", FindingFingerprint.RelativePath("/home/ci/repo/launchready.env.json", "/home/ci/repo/src/Shop"));
            Assert.Equal("../../shared/x.cs", FindingFingerprint.RelativePath("/repo/shared/x.cs", "/repo/src/Shop/"));
            Assert.Equal("/opt/elsewhere.cs", FindingFingerprint.RelativePath("/opt/elsewhere.cs", "/repo/src"));
            Assert.Equal("D:/other/x.cs", FindingFingerprint.RelativePath("D:\\other\\x.cs", "C:\\repo"));
            Assert.Equal("Generator/Page_razor.g.cs", FindingFingerprint.RelativePath("Generator/Page_razor.g.cs", "/repo"));
            Assert.Equal(FindingFingerprint.OfSnippet("new HttpClient()"), FindingFingerprint.OfSnippet("new  HttpClient(\n)"));
        }
    }
}
