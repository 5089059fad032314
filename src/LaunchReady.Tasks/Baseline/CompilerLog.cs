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
            var runs = root is not null && root.Kind == JsonKind.Object && JsonText.StringProperty(root, "version") == "2.1.0" ? JsonText.Property(root, "runs") : null;
            if (runs is null || runs.Kind != JsonKind.Array)
            {
                problem = "not a SARIF 2.1.0 log (set ErrorLog to path,version=2.1)";
                return null;
            }

            var findings = new List<CompilerFinding>();
            foreach (var run in runs.Items)
            {
                var results = run.Kind == JsonKind.Object ? JsonText.Property(run, "results") : null;
                foreach (var result in results?.Items ?? new List<JsonNode>())
                {
                    var finding = result.Kind == JsonKind.Object ? ReadResult(result, baselineDirectory) : null;
                    if (finding is not null)
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
            if (ruleId is null || !IsLaunchReadyRule(ruleId))
            {
                return null;
            }

            var properties = JsonText.Property(result, "properties");
            var custom = properties is not null && properties.Kind == JsonKind.Object ? JsonText.Property(properties, "customProperties") : null;
            var snippet = custom is not null && custom.Kind == JsonKind.Object ? JsonText.StringProperty(custom, "LaunchReadySnippet") : null;
            var uri = FirstUri(result);
            if (snippet is null || uri is null)
            {
                return null;
            }

            var file = LocalPath(uri);
            var path = FindingFingerprint.RelativePath(file, baselineDirectory);
            var message = JsonText.Property(result, "message");
            var text = message is not null && message.Kind == JsonKind.Object ? JsonText.StringProperty(message, "text") : null;
            var suppressions = JsonText.Property(result, "suppressions");
            var suppressed = suppressions is not null && suppressions.Kind == JsonKind.Array && suppressions.Items.Count > 0;
            var region = Region(result);
            return new CompilerFinding(
                ruleId,
                path,
                FindingFingerprint.Of(ruleId, path, snippet),
                text ?? string.Empty,
                suppressed,
                file,
                Number(region, "startLine"),
                Number(region, "startColumn"),
                suppressed && suppressions!.Items.Exists(IsBaselineSuppression));
        }

        // The compiler names the suppressor's suppression ID (LRBxxxx) in the suppression's properties.
        private static bool IsBaselineSuppression(JsonNode suppression)
        {
            var properties = suppression.Kind == JsonKind.Object ? JsonText.Property(suppression, "properties") : null;
            var type = properties is not null && properties.Kind == JsonKind.Object ? JsonText.StringProperty(properties, "suppressionType") : null;
            var justification = suppression.Kind == JsonKind.Object ? JsonText.StringProperty(suppression, "justification") : null;
            return (type is not null && type.IndexOf("Suppression Id: LRB", StringComparison.Ordinal) >= 0)
                || (justification is not null && justification.IndexOf("LaunchReady baseline", StringComparison.Ordinal) >= 0);
        }

        private static JsonNode? Region(JsonNode result)
        {
            var locations = JsonText.Property(result, "locations");
            if (locations is null || locations.Kind != JsonKind.Array || locations.Items.Count == 0 || locations.Items[0].Kind != JsonKind.Object)
            {
                return null;
            }

            var physical = JsonText.Property(locations.Items[0], "physicalLocation");
            return physical is not null && physical.Kind == JsonKind.Object ? JsonText.Property(physical, "region") : null;
        }

        private static int Number(JsonNode? node, string name)
        {
            var value = node is not null && node.Kind == JsonKind.Object ? JsonText.Property(node, name) : null;
            return value is not null && value.Kind == JsonKind.Number && int.TryParse(value.Text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : 0;
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

        private static string? FirstUri(JsonNode result)
        {
            var locations = JsonText.Property(result, "locations");
            if (locations is null || locations.Kind != JsonKind.Array || locations.Items.Count == 0 || locations.Items[0].Kind != JsonKind.Object)
            {
                return null;
            }

            var physical = JsonText.Property(locations.Items[0], "physicalLocation");
            var artifact = physical is not null && physical.Kind == JsonKind.Object ? JsonText.Property(physical, "artifactLocation") : null;
            return artifact is not null && artifact.Kind == JsonKind.Object ? JsonText.StringProperty(artifact, "uri") : null;
        }

        // The compiler writes file URIs for rooted paths and escaped relative references for the rest
        // (a source generator's hint path).
        private static string LocalPath(string uri) =>
            Uri.TryCreate(uri, UriKind.Absolute, out var absolute) && absolute.IsFile
                ? absolute.LocalPath
                : Uri.UnescapeDataString(uri);
    }
}
