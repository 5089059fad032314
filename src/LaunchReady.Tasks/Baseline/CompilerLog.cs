using System;
using System.Collections.Generic;
using LaunchReady.Detection.Baseline;
using LaunchReady.Detection.Json;
using LaunchReady.Tasks.Infrastructure;

namespace LaunchReady.Tasks.Baseline
{
    /// <summary>An analyzer finding read back from the compiler's SARIF log.</summary>
    public sealed class CompilerFinding
    {
        public CompilerFinding(string ruleId, string path, string fingerprint, string message, bool suppressed, string file = "", int line = 0, int column = 0, bool acceptedInBaseline = false)
        {
            RuleId = ruleId;
            Path = path;
            Fingerprint = fingerprint;
            Message = message;
            Suppressed = suppressed;
            File = file;
            Line = line;
            Column = column;
            AcceptedInBaseline = acceptedInBaseline;
        }

        public string File { get; }

        public int Line { get; }

        public int Column { get; }

        /// <summary>Suppressed by the baseline suppressor (LRBxxxx), as opposed to in source.</summary>
        public bool AcceptedInBaseline { get; }

        public string RuleId { get; }

        public string Path { get; }

        public string Fingerprint { get; }

        public string Message { get; }

        /// <summary>Suppressed in source (#pragma, SuppressMessage) or by the baseline.</summary>
        public bool Suppressed { get; }
    }

    /// <summary>
    /// Reads LaunchReady results from the compiler's SARIF 2.1 error log (<c>ErrorLog</c>). The analyzers
    /// attach a hash of the flagged code to every diagnostic (a custom property), so the fingerprint is
    /// computed exactly as the baseline suppressor computes it, without reading any source file.
    /// </summary>
    public static class CompilerLog
    {
        public static List<CompilerFinding>? Read(string sarifPath, string? baselineDirectory, out string? problem)
        {
            problem = null;
            if (!TextFileReader.TryRead(sarifPath, 512L * 1024 * 1024, out var json, out var readProblem, out _))
            {
                problem = readProblem ?? "cannot be read";
                return null;
            }

            var root = StrictJsonParser.Parse(json).Root;
            if (JsonText.StringProperty(root, "version") != "2.1.0" || JsonText.Property(root, "runs") is not { Kind: JsonKind.Array } runs)
            {
                problem = "not a SARIF 2.1.0 log (set ErrorLog to path,version=2.1)";
                return null;
            }

            var findings = new List<CompilerFinding>();
            foreach (var run in runs.Items)
            {
                foreach (var result in JsonText.ArrayProperty(run, "results"))
                {
                    if (ReadResult(result, baselineDirectory) is { } finding)
                    {
                        findings.Add(finding);
                    }
                }
            }

            return findings;
        }

        private static CompilerFinding? ReadResult(JsonNode result, string? baselineDirectory)
        {
            var ruleId = JsonText.StringProperty(result, "ruleId");
            var snippet = JsonText.StringProperty(JsonText.Property(JsonText.Property(result, "properties"), "customProperties"), "LaunchReadySnippet");
            var locations = JsonText.ArrayProperty(result, "locations");
            var physical = locations.Count > 0 ? JsonText.Property(locations[0], "physicalLocation") : null;
            var uri = JsonText.StringProperty(JsonText.Property(physical, "artifactLocation"), "uri");
            if (ruleId is null || !IsLaunchReadyRule(ruleId) || snippet is null || uri is null)
            {
                return null;
            }

            var file = LocalPath(uri);
            var path = FindingFingerprint.RelativePath(file, baselineDirectory);
            var region = JsonText.Property(physical, "region");
            var suppressions = JsonText.ArrayProperty(result, "suppressions");
            return new CompilerFinding(
                ruleId,
                path,
                FindingFingerprint.Of(ruleId, path, snippet),
                JsonText.StringProperty(JsonText.Property(result, "message"), "text") ?? string.Empty,
                suppressions.Count > 0,
                file,
                JsonText.IntProperty(region, "startLine"),
                JsonText.IntProperty(region, "startColumn"),
                suppressions.Exists(IsBaselineSuppression));
        }

        // The compiler names the suppressor's suppression ID (LRBxxxx) in the suppression's properties.
        private static bool IsBaselineSuppression(JsonNode suppression)
        {
            var type = JsonText.StringProperty(JsonText.Property(suppression, "properties"), "suppressionType");
            var justification = JsonText.StringProperty(suppression, "justification");
            return (type is not null && type.IndexOf("Suppression Id: LRB", StringComparison.Ordinal) >= 0)
                || (justification is not null && justification.IndexOf("LaunchReady baseline", StringComparison.Ordinal) >= 0);
        }

        private static bool IsLaunchReadyRule(string id)
        {
            if (id.Length != 6 || !id.StartsWith("LR", StringComparison.Ordinal))
            {
                return false;
            }

            for (var i = 2; i < 6; i++)
            {
                if (id[i] < '0' || id[i] > '9')
                {
                    return false;
                }
            }

            return true;
        }

        // The compiler writes file URIs for rooted paths and escaped relative references for the rest
        // (a source generator's hint path).
        private static string LocalPath(string uri) =>
            Uri.TryCreate(uri, UriKind.Absolute, out var absolute) && absolute.IsFile
                ? absolute.LocalPath
                : Uri.UnescapeDataString(uri);
    }
}
