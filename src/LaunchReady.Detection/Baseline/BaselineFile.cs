using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using LaunchReady.Detection.Json;

namespace LaunchReady.Detection.Baseline
{
    /// <summary>One accepted finding: its rule, file and fingerprint, and the (redacted) message it had, for people reading the file.</summary>
    public sealed class BaselineEntry
    {
        public BaselineEntry(string rule, string path, string fingerprint, string? message)
        {
            Rule = rule;
            Path = path;
            Fingerprint = fingerprint;
            Message = message;
        }

        public string Rule { get; }

        public string Path { get; }

        public string Fingerprint { get; }

        public string? Message { get; }
    }

    /// <summary>
    /// <c>launchready.baseline.json</c>: the findings a team accepted when it adopted LaunchReady, so that
    /// only new ones fail the build. A fingerprint listed n times covers n identical findings in that file.
    /// </summary>
    public sealed class BaselineFile
    {
        public const string DefaultFileName = "launchready.baseline.json";

        private readonly Dictionary<string, int> _counts;

        public BaselineFile(IReadOnlyList<BaselineEntry> entries)
        {
            Entries = entries;
            _counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in entries)
            {
                _counts[entry.Fingerprint] = _counts.TryGetValue(entry.Fingerprint, out var count) ? count + 1 : 1;
            }
        }

        public static BaselineFile Empty { get; } = new BaselineFile(Array.Empty<BaselineEntry>());

        public IReadOnlyList<BaselineEntry> Entries { get; }

        /// <summary>How many findings with this fingerprint the baseline accepts.</summary>
        public int Allowance(string fingerprint) => _counts.TryGetValue(fingerprint, out var count) ? count : 0;

        /// <summary>
        /// For findings in a stable order (file, then position), which ones the baseline covers: the first
        /// <see cref="Allowance"/> occurrences of each fingerprint; later ones are new.
        /// </summary>
        public bool[] Covers(IReadOnlyList<string> fingerprints)
        {
            var used = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            var covered = new bool[fingerprints.Count];
            for (var i = 0; i < fingerprints.Count; i++)
            {
                used.TryGetValue(fingerprints[i], out var count);
                covered[i] = count < Allowance(fingerprints[i]);
                used[fingerprints[i]] = count + 1;
            }

            return covered;
        }

        /// <summary>Entries no current finding accounts for: fixed, or changed beyond recognition.</summary>
        public List<BaselineEntry> Stale(IEnumerable<string> currentFingerprints)
        {
            var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            foreach (var fingerprint in currentFingerprints)
            {
                seen[fingerprint] = seen.TryGetValue(fingerprint, out var count) ? count + 1 : 1;
            }

            var stale = new List<BaselineEntry>();
            foreach (var entry in Entries)
            {
                if (seen.TryGetValue(entry.Fingerprint, out var count) && count > 0)
                {
                    seen[entry.Fingerprint] = count - 1;
                }
                else
                {
                    stale.Add(entry);
                }
            }

            return stale;
        }

        /// <summary>Reads a baseline; on malformed input returns what could be read and names the problem.</summary>
        public static BaselineFile Parse(string json, out string? problem)
        {
            problem = null;
            var parsed = StrictJsonParser.Parse(json);
            if (parsed.Root is null)
            {
                problem = "not valid JSON: " + parsed.Error;
                return Empty;
            }

            var list = parsed.Root.Kind == JsonKind.Object ? JsonText.Property(parsed.Root, "findings") : null;
            if (list is null || list.Kind != JsonKind.Array)
            {
                problem = "expected an object with a \"findings\" array";
                return Empty;
            }

            var entries = new List<BaselineEntry>();
            foreach (var item in list.Items)
            {
                var rule = item.Kind == JsonKind.Object ? JsonText.StringProperty(item, "rule") : null;
                var fingerprint = item.Kind == JsonKind.Object ? JsonText.StringProperty(item, "fingerprint") : null;
                if (string.IsNullOrWhiteSpace(rule) || string.IsNullOrWhiteSpace(fingerprint))
                {
                    problem ??= "an entry without \"rule\" and \"fingerprint\" strings was ignored";
                    continue;
                }

                entries.Add(new BaselineEntry(rule!, JsonText.StringProperty(item, "path") ?? string.Empty, fingerprint!, JsonText.StringProperty(item, "message")));
            }

            return new BaselineFile(entries);
        }

        /// <summary>The file's text, sorted by path, rule and fingerprint so that refreshing it gives small diffs.</summary>
        public static string Write(IEnumerable<BaselineEntry> entries)
        {
            var builder = new StringBuilder();
            builder.Append("{\n  \"version\": 1,\n  \"findings\": [");
            var first = true;
            foreach (var entry in entries
                .OrderBy(e => e.Path, StringComparer.Ordinal)
                .ThenBy(e => e.Rule, StringComparer.Ordinal)
                .ThenBy(e => e.Fingerprint, StringComparer.Ordinal)
                .ThenBy(e => e.Message, StringComparer.Ordinal))
            {
                builder.Append(first ? "\n" : ",\n");
                first = false;
                builder.Append("    { \"rule\": ").Append(JsonText.Quote(entry.Rule))
                    .Append(", \"path\": ").Append(JsonText.Quote(entry.Path))
                    .Append(", \"fingerprint\": ").Append(JsonText.Quote(entry.Fingerprint));
                if (entry.Message is not null)
                {
                    builder.Append(", \"message\": ").Append(JsonText.Quote(entry.Message));
                }

                builder.Append(" }");
            }

            builder.Append(first ? "]\n}\n" : "\n  ]\n}\n");
            return builder.ToString();
        }
    }
}
