using System;
using System.Collections.Generic;
using System.IO;
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
        public const string DocsBaseUrl = "https://github.com/launchready/LaunchReady.Analyzers/blob/main/docs/rules/";

        /// <summary>Task rules to report as warnings instead of errors, semicolon-separated (LaunchReadyWarningRules).</summary>
        public string? WarningRules { get; set; }

        public sealed override bool Execute()
        {
            try
            {
                Run();
            }
            catch (Exception e) when (!(e is OutOfMemoryException || e is StackOverflowException))
            {
                // The exception's type and message come from our code or the runtime, never from a checked value.
                Log.LogWarning(
                    null, null, null, null, 0, 0, 0, 0,
                    $"LaunchReady could not finish {GetType().Name}: {e.GetType().Name}: {e.Message} Please report this with the file that caused it.");
            }

            return !Log.HasLoggedErrors;
        }

        protected abstract void Run();

        protected void Report(TaskFinding finding)
        {
            var helpLink = DocsBaseUrl + finding.RuleId + ".md";
            if (finding.IsWarning || SplitList(WarningRules).Exists(id => string.Equals(id, finding.RuleId, StringComparison.OrdinalIgnoreCase)))
            {
                Log.LogWarning(null, finding.RuleId, null, helpLink, finding.File, finding.Line, finding.Column, 0, 0, finding.Message);
            }
            else
            {
                Log.LogError(null, finding.RuleId, null, helpLink, finding.File, finding.Line, finding.Column, 0, 0, finding.Message);
            }
        }

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
