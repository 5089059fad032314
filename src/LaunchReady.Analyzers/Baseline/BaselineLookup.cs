using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using LaunchReady.Analyzers.Infrastructure;
using LaunchReady.Detection.Baseline;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LaunchReady.Analyzers.Baseline
{
    /// <summary>
    /// The project's <c>launchready.baseline.json</c>, found among the AdditionalFiles (the build adds it
    /// when it exists), and the fingerprint of a diagnostic as the baseline writer computes it from the
    /// compiler's SARIF log: rule, path relative to the baseline's folder, hash of the flagged code.
    /// </summary>
    internal sealed class BaselineLookup
    {
        private static readonly ConditionalWeakTable<SourceText, BaselineFile> Parsed = new ConditionalWeakTable<SourceText, BaselineFile>();

        private readonly string? _directory;
        private readonly object _gate = new object();
        private readonly Dictionary<string, int> _admitted = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<(string, TextSpan), bool> _spots = new Dictionary<(string, TextSpan), bool>();

        private BaselineLookup(BaselineFile file, string? directory)
        {
            File = file;
            _directory = directory;
        }

        public BaselineFile File { get; }

        /// <summary>Null when there is no baseline or it lists nothing (a damaged file reads as empty).</summary>
        public static BaselineLookup? Load(AnalyzerOptions options, CancellationToken cancellationToken)
        {
            options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue("build_property.LaunchReadyBaselineFile", out var configured);
            var file = options.AdditionalFiles.FirstOrDefault(f => IsBaseline(f.Path, configured));
            var text = file?.GetText(cancellationToken);
            if (file is null || text is null)
            {
                return null;
            }

            var baseline = Parsed.GetValue(text, t => BaselineFile.Parse(t.ToString(), out _));
            return baseline.Entries.Count == 0 ? null : new BaselineLookup(baseline, Path.GetDirectoryName(file.Path));
        }

        public string PathOf(Diagnostic diagnostic) =>
            FindingFingerprint.RelativePath(diagnostic.Location.GetLineSpan().Path ?? string.Empty, _directory);

        public string FingerprintOf(Diagnostic diagnostic) => FingerprintOf(diagnostic, PathOf(diagnostic));

        public static string FingerprintOf(Diagnostic diagnostic, string path)
        {
            var snippet = diagnostic.Properties.TryGetValue(Finding.SnippetProperty, out var hash) && hash is not null
                ? hash
                : FindingFingerprint.OfSnippet(Finding.LinesOf(diagnostic.Location.SourceTree?.GetText(), diagnostic.Location.SourceSpan));
            return FindingFingerprint.Of(diagnostic.Id, path, snippet);
        }

        /// <summary>
        /// For an analyzer that decides as it reports (rules that are errors by default cannot be suppressed
        /// afterwards): whether this finding is one the baseline accepts. Repeated reports of one spot get
        /// the same answer; identical findings beyond the baseline's count are new.
        /// </summary>
        public bool Accepts(Diagnostic diagnostic)
        {
            var fingerprint = FingerprintOf(diagnostic);
            var spot = (fingerprint, diagnostic.Location.SourceSpan);
            lock (_gate)
            {
                if (_spots.TryGetValue(spot, out var accepted))
                {
                    return accepted;
                }

                _admitted.TryGetValue(fingerprint, out var used);
                accepted = used < File.Allowance(fingerprint);
                _admitted[fingerprint] = used + 1;
                _spots[spot] = accepted;
                return accepted;
            }
        }

        private static bool IsBaseline(string path, string? configured) =>
            string.IsNullOrWhiteSpace(configured)
                ? string.Equals(Path.GetFileName(path), BaselineFile.DefaultFileName, StringComparison.OrdinalIgnoreCase)
                : string.Equals(Normalize(path), Normalize(configured!), StringComparison.OrdinalIgnoreCase);

        private static string Normalize(string path) => path.Replace('\\', '/').Trim();
    }
}
