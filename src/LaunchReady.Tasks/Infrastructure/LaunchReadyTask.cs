using System;
using System.Collections.Generic;
using System.IO;
using LaunchReady.Detection.Baseline;
using Microsoft.Build.Framework;

namespace LaunchReady.Tasks.Infrastructure
{
    /// <summary>
    /// Base of every LaunchReady task: findings go to MSBuild in its canonical
    /// <c>file(line,col): error LRxxxx: message</c> form with a help link, and an unexpected exception
    /// becomes a warning instead of an MSB4018 crash that would stop the build for the wrong reason.
    /// </summary>
    public abstract class LaunchReadyTask : Microsoft.Build.Utilities.Task
    {
        /// <summary>Task rules to report as warnings instead of errors, semicolon-separated (LaunchReadyWarningRules).</summary>
        public string? WarningRules { get; set; }

        /// <summary>launchready.baseline.json (LaunchReadyBaselineFile); findings it lists are logged as messages, not reported.</summary>
        public string? BaselineFile { get; set; }

        /// <summary>Where this run's findings are recorded for the SARIF log and the baseline (under obj/).</summary>
        public string? FindingsFile { get; set; }

        /// <summary>LaunchReadyBaselineMode: "hide" (accepted findings only in the detailed log) or "message" (printed as plain build messages).</summary>
        public string? BaselineMode { get; set; }

        /// <summary>Whether accepted findings are printed as build messages rather than kept to the detailed log.</summary>
        protected bool ShowsAcceptedFindings => string.Equals(BaselineMode?.Trim(), "message", StringComparison.OrdinalIgnoreCase);

        private readonly List<LoggedFinding> _logged = new List<LoggedFinding>();
        private readonly Dictionary<string, int> _baselineUse = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        private Detection.Baseline.BaselineFile _baseline = Detection.Baseline.BaselineFile.Empty;
        private string? _baselineDirectory;

        public sealed override bool Execute()
        {
            try
            {
                LoadBaseline();
                Run();
                var baselined = _logged.FindAll(f => f.Baselined).Count;
                if (baselined > 0)
                {
                    Log.LogMessage(MessageImportance.Normal, "LaunchReady: {0} findings are accepted in {1} and were not reported.", baselined, BaselineFile);
                }
            }
            catch (Exception e) when (!(e is OutOfMemoryException || e is StackOverflowException))
            {
                // The exception's type and message come from our code or the runtime, never from a checked value.
                Log.LogWarning(
                    null, null, null, null, 0, 0, 0, 0,
                    $"LaunchReady could not finish {GetType().Name}: {e.GetType().Name}: {e.Message} Please report this with the file that caused it.");
            }

            // Written even after a failure, so the SARIF log never shows a previous run's findings as this one's.
            WriteFindingsFile();
            return !Log.HasLoggedErrors;
        }

        private void WriteFindingsFile()
        {
            if (string.IsNullOrWhiteSpace(FindingsFile))
            {
                return;
            }

            try
            {
                FindingsLog.Write(FindingsFile!, _logged);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                Log.LogWarning(null, null, null, FindingsFile, 0, 0, 0, 0, "LaunchReady could not record this run's findings for SARIF and the baseline: {0}: {1}", e.GetType().Name, e.Message);
            }
        }

        private void LoadBaseline()
        {
            if (string.IsNullOrWhiteSpace(BaselineFile))
            {
                return;
            }

            var path = Path.GetFullPath(BaselineFile);
            _baselineDirectory = Path.GetDirectoryName(path);

            // A damaged baseline is reported once, by the baseline check after the build.
            _baseline = Baseline.BaselineReader.Load(path, out _);
        }

        protected abstract void Run();

        protected void Report(TaskFinding finding)
        {
            var isWarning = finding.IsWarning || SplitList(WarningRules).Exists(id => string.Equals(id, finding.RuleId, StringComparison.OrdinalIgnoreCase));
            var path = finding.IdentityPath ?? (finding.File.Length == 0 ? string.Empty : FindingFingerprint.RelativePath(Path.GetFullPath(finding.File), _baselineDirectory));
            var fingerprint = FindingFingerprint.Of(finding.RuleId, path, FindingFingerprint.OfSnippet(finding.Identity));

            // Findings arrive in file order, so the first n with a fingerprint are the n the baseline accepted.
            _baselineUse.TryGetValue(fingerprint, out var used);
            _baselineUse[fingerprint] = used + 1;
            var baselined = used < _baseline.Allowance(fingerprint);
            _logged.Add(new LoggedFinding(finding, !isWarning, path, fingerprint, baselined));
            if (baselined)
            {
                LogAccepted(finding.File, finding.Line, finding.Column, finding.RuleId, finding.Message, fingerprint);
                return;
            }

            var helpLink = Detection.RuleDocs.For(finding.RuleId);
            if (isWarning)
            {
                Log.LogWarning(null, finding.RuleId, null, helpLink, finding.File, finding.Line, finding.Column, 0, 0, finding.Message);
            }
            else
            {
                Log.LogError(null, finding.RuleId, null, helpLink, finding.File, finding.Line, finding.Column, 0, 0, finding.Message);
            }
        }

        /// <summary>
        /// An accepted finding, as a message: not in MSBuild's warning form, so neither the build nor a CI
        /// annotation counts it. Printed at normal verbosity in "message" mode, else in the detailed log.
        /// </summary>
        protected void LogAccepted(string file, int line, int column, string ruleId, string message, string fingerprint) =>
            Log.LogMessage(
                ShowsAcceptedFindings ? MessageImportance.High : MessageImportance.Low,
                "LaunchReady: accepted in the baseline (fingerprint {0}): {1}({2},{3}) {4}: {5}",
                fingerprint,
                file,
                line,
                column,
                ruleId,
                message);

        protected void ReportAll(IEnumerable<TaskFinding> findings)
        {
            foreach (var finding in findings)
            {
                Report(finding);
            }
        }

        /// <summary>Semicolon-separated MSBuild list to values.</summary>
        protected static List<string> SplitList(string? value)
        {
            var items = new List<string>();
            foreach (var part in (value ?? string.Empty).Split(';'))
            {
                if (part.Trim().Length > 0)
                {
                    items.Add(part.Trim());
                }
            }

            return items;
        }

        protected static string FullPath(string path, string baseDirectory) =>
            Path.IsPathRooted(path) ? Path.GetFullPath(path) : Path.GetFullPath(Path.Combine(baseDirectory, path));
    }
}
