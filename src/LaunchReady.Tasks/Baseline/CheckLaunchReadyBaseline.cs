using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LaunchReady.Detection.Baseline;
using LaunchReady.Tasks.Infrastructure;
using Microsoft.Build.Framework;

namespace LaunchReady.Tasks.Baseline
{
    /// <summary>
    /// After a build with a baseline, names the baseline entries no finding matches any more (fixed, or
    /// changed beyond recognition) in the detailed log, so the list can be burned down with
    /// <c>-t:LaunchReadyBaseline</c>. Only rules this build actually checked are judged.
    /// </summary>
    public sealed class CheckLaunchReadyBaseline : LaunchReadyTask
    {
        // Rules that are errors by default cannot be suppressed, so their analyzer leaves accepted findings
        // out of the compiler's log altogether; they drop out of the baseline when it is refreshed.
        private static readonly HashSet<string> AppliedByTheAnalyzer = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "LR0001" };

        /// <summary>The compiler's SARIF log; without it the analyzers' entries are not judged.</summary>
        public string? CompilerLogFile { get; set; }

        public ITaskItem[] FindingsFiles { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>Task rules whose checks ran in this build.</summary>
        public string? CheckedTaskRules { get; set; }

        protected override void Run()
        {
            if (string.IsNullOrWhiteSpace(BaselineFile) || !File.Exists(BaselineFile))
            {
                return;
            }

            var path = Path.GetFullPath(BaselineFile);
            var baseline = BaselineReader.Load(path, out var problem);
            if (problem is not null)
            {
                Log.LogWarning(null, null, null, path, 0, 0, 0, 0, "LaunchReady baseline: {0}; the entries that could be read apply, the rest are reported.", problem);
            }

            var judged = new HashSet<string>(SplitList(CheckedTaskRules), StringComparer.OrdinalIgnoreCase);
            var current = new List<string>();
            if (!string.IsNullOrWhiteSpace(CompilerLogFile) && File.Exists(CompilerLogFile))
            {
                var compiler = CompilerLog.Read(CompilerLogFile!, Path.GetDirectoryName(path), out var logProblem);
                if (compiler is null)
                {
                    Log.LogMessage(MessageImportance.Low, "LaunchReady: the compiler log {0} cannot be used to check the baseline: {1}", CompilerLogFile, logProblem);
                }
                else
                {
                    // The compiler prints suppressed findings only in its own detailed output; in "message" mode they are listed here.
                    if (ShowsAcceptedFindings)
                    {
                        foreach (var accepted in compiler.Where(f => f.AcceptedInBaseline))
                        {
                            LogAccepted(accepted.File, accepted.Line, accepted.Column, accepted.RuleId, accepted.Message, accepted.Fingerprint);
                        }
                    }

                    current.AddRange(compiler.Select(f => f.Fingerprint));
                    judged.UnionWith(baseline.Entries.Select(e => e.Rule).Where(rule => rule.StartsWith("LR0", StringComparison.OrdinalIgnoreCase) && !AppliedByTheAnalyzer.Contains(rule)));
                }
            }

            current.AddRange(FindingsFiles.SelectMany(file => FindingsLog.Read(file.ItemSpec)).Select(f => f.Fingerprint));
            var stale = new Detection.Baseline.BaselineFile(baseline.Entries.Where(e => judged.Contains(e.Rule)).ToList()).Stale(current);
            foreach (var entry in stale)
            {
                Log.LogMessage(MessageImportance.Low, "LaunchReady: baseline entry {0} in {1} (fingerprint {2}) no longer matches a finding: {3}", entry.Rule, entry.Path, entry.Fingerprint, entry.Message ?? string.Empty);
            }

            if (stale.Count > 0)
            {
                Log.LogMessage(
                    MessageImportance.Normal,
                    "LaunchReady: {0} of the {1} baseline entries no longer match a finding (fixed or changed); run dotnet build -t:LaunchReadyBaseline to drop them.",
                    stale.Count,
                    baseline.Entries.Count);
            }
        }
    }
}
