using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using LaunchReady.Detection.Json;
using LaunchReady.Tasks.Infrastructure;

namespace LaunchReady.Tasks.Sarif
{
    /// <summary>
    /// SARIF 2.1.0 for the tasks' findings (the analyzers' go to the compiler's ErrorLog): one run with
    /// the task rules' metadata and help links, results with file URIs, a stable
    /// <c>partialFingerprints</c> entry (the baseline fingerprint, never a value) and baselined findings
    /// marked as externally suppressed. Messages are the redacted ones the build printed.
    /// </summary>
    public static class SarifLog
    {
        public const string FingerprintKey = "launchReady/v1";

        public static string Write(IReadOnlyList<LoggedFinding> findings, string toolVersion)
        {
            var rules = TaskRules.All;
            var b = new StringBuilder();
            b.Append("{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n");
            b.Append("      \"tool\": {\n        \"driver\": {\n");
            b.Append("          \"name\": \"LaunchReady.Analyzers\",\n");
            b.Append("          \"version\": ").Append(JsonText.Quote(toolVersion)).Append(",\n");
            b.Append("          \"informationUri\": \"https://github.com/launchready/LaunchReady.Analyzers\",\n");
            b.Append("          \"rules\": [");
            for (var i = 0; i < rules.Count; i++)
            {
                var rule = rules[i];
                b.Append(i == 0 ? "\n" : ",\n");
                b.Append("            { \"id\": ").Append(JsonText.Quote(rule.Id))
                    .Append(", \"shortDescription\": { \"text\": ").Append(JsonText.Quote(rule.Title)).Append(" }")
                    .Append(", \"helpUri\": ").Append(JsonText.Quote(Detection.RuleDocs.For(rule.Id)))
                    .Append(", \"defaultConfiguration\": { \"level\": ").Append(rule.IsError ? "\"error\"" : "\"warning\"").Append(" }")
                    .Append(", \"properties\": { \"category\": ").Append(JsonText.Quote(rule.Family)).Append(" } }");
            }

            b.Append("\n          ]\n        }\n      },\n      \"columnKind\": \"utf16CodeUnits\",\n      \"results\": [");
            var first = true;
            foreach (var finding in findings)
            {
                var ruleIndex = IndexOf(rules, finding.RuleId);
                b.Append(first ? "\n" : ",\n");
                first = false;
                b.Append("        {\n          \"ruleId\": ").Append(JsonText.Quote(finding.RuleId)).Append(",\n");
                if (ruleIndex >= 0)
                {
                    b.Append("          \"ruleIndex\": ").Append(ruleIndex.ToString(CultureInfo.InvariantCulture)).Append(",\n");
                }

                b.Append("          \"level\": ").Append(finding.IsError ? "\"error\"" : "\"warning\"").Append(",\n");
                b.Append("          \"message\": { \"text\": ").Append(JsonText.Quote(finding.Message)).Append(" },\n");
                if (finding.File.Length > 0)
                {
                    b.Append("          \"locations\": [ { \"physicalLocation\": { \"artifactLocation\": { \"uri\": ").Append(JsonText.Quote(FileUri(finding.File))).Append(" }");
                    if (finding.Line > 0)
                    {
                        b.Append(", \"region\": { \"startLine\": ").Append(finding.Line.ToString(CultureInfo.InvariantCulture))
                            .Append(", \"startColumn\": ").Append(Math.Max(1, finding.Column).ToString(CultureInfo.InvariantCulture)).Append(" }");
                    }

                    b.Append(" } } ],\n");
                }

                if (finding.Baselined)
                {
                    b.Append("          \"suppressions\": [ { \"kind\": \"external\", \"justification\": \"Accepted in the LaunchReady baseline\" } ],\n");
                }

                b.Append("          \"partialFingerprints\": { ").Append(JsonText.Quote(FingerprintKey)).Append(": ").Append(JsonText.Quote(finding.Fingerprint)).Append(" }\n        }");
            }

            b.Append(first ? "]\n" : "\n      ]\n").Append("    }\n  ]\n}\n");
            return b.ToString();
        }

        private static int IndexOf(IReadOnlyList<TaskRule> rules, string id)
        {
            for (var i = 0; i < rules.Count; i++)
            {
                if (string.Equals(rules[i].Id, id, StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }

            return -1;
        }

        private static string FileUri(string path)
        {
            try
            {
                return new Uri(Path.GetFullPath(path)).AbsoluteUri;
            }
            catch (Exception e) when (e is ArgumentException || e is UriFormatException || e is NotSupportedException || e is PathTooLongException)
            {
                return path.Replace('\\', '/');
            }
        }
    }
}
