using System;
using System.IO;
using System.Linq;
using System.Text;
using LaunchReady.Detection.Baseline;
using LaunchReady.Tasks.Infrastructure;
using Microsoft.Build.Framework;

namespace LaunchReady.Tasks.Baseline
{
    /// <summary>
    /// <c>dotnet build -t:LaunchReadyBaseline</c>: writes every current finding, from the analyzers (read
    /// from the compiler's SARIF log) and from the tasks (their findings files), to the baseline file.
    /// Findings already suppressed in source stay out; fixed findings drop out because the file is
    /// rewritten from what the build found now.
    /// </summary>
    public sealed class WriteLaunchReadyBaseline : LaunchReadyTask
    {
        [Required]
        public string OutputFile { get; set; } = string.Empty;

        [Required]
        public string CompilerLogFile { get; set; } = string.Empty;

        public ITaskItem[] FindingsFiles { get; set; } = Array.Empty<ITaskItem>();

        protected override void Run()
        {
            var output = Path.GetFullPath(OutputFile);
            var directory = Path.GetDirectoryName(output);
            var compiler = CompilerLog.Read(CompilerLogFile, directory, out var problem);
            if (compiler is null)
            {
                Log.LogError(null, null, null, CompilerLogFile, 0, 0, 0, 0, "LaunchReady could not read the compiler's findings ({0}); the baseline was not changed.", problem);
                return;
            }

            var entries = compiler
                .Where(f => !f.Suppressed)
                .Select(f => new BaselineEntry(f.RuleId, f.Path, f.Fingerprint, f.Message))
                .Concat(FindingsFiles.SelectMany(file => FindingsLog.Read(file.ItemSpec))
                    .Select(f => new BaselineEntry(f.RuleId, f.Path, f.Fingerprint, f.Message)))
                .ToList();

            var previous = BaselineReader.Load(output, out _);
            var dropped = previous.Stale(entries.Select(e => e.Fingerprint)).Count;
            var added = previous.Covers(entries.Select(e => e.Fingerprint).ToList()).Count(covered => !covered);
            File.WriteAllText(output, Detection.Baseline.BaselineFile.Write(entries), new UTF8Encoding(false));

            var byRule = string.Join(", ", entries.GroupBy(e => e.Rule).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));
            Log.LogMessage(
                MessageImportance.High,
                "LaunchReady: wrote {0} with {1} findings{2}; {3} added, {4} fixed or changed since the previous baseline.",
                output,
                entries.Count,
                entries.Count == 0 ? string.Empty : " (" + byRule + ")",
                added,
                dropped);
        }
    }
}
