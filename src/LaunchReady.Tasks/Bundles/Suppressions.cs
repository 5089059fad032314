using System;
using System.Collections.Generic;
using LaunchReady.Detection.Json;

namespace LaunchReady.Tasks.Bundles
{
    /// <summary>An accepted finding: a fingerprint, optionally limited to one rule, with the reason someone gave.</summary>
    public sealed class Suppression
    {
        public Suppression(string fingerprint, string? rule, string? reason)
        {
            Fingerprint = fingerprint;
            Rule = rule;
            Reason = reason;
        }

        public string Fingerprint { get; }

        public string? Rule { get; }

        public string? Reason { get; }

        public bool Covers(string rule, string fingerprint) =>
            string.Equals(Fingerprint, fingerprint, StringComparison.OrdinalIgnoreCase) && (Rule is null || string.Equals(Rule, rule, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Reads <c>launchready.suppressions.json</c> (or the manifest's <c>suppressions</c>):
    /// <c>{ "suppressions": [ { "fingerprint": "5f329331", "rule": "LR1010", "reason": "..." } ] }</c>.
    /// Fingerprints are the ones findings print; a value is never written here.
    /// </summary>
    public static class Suppressions
    {
        public static List<Suppression> Read(string json, out string? problem)
        {
            var result = new List<Suppression>();
            problem = null;
            var parsed = StrictJsonParser.Parse(json);
            if (parsed.Root is null)
            {
                problem = "not valid JSON: " + parsed.Error;
                return result;
            }

            JsonNode? list = null;
            foreach (var property in parsed.Root.Properties)
            {
                if (property.Name == "suppressions")
                {
                    list = property.Value;
                }
            }

            if (list is null || list.Kind != JsonKind.Array)
            {
                problem = "expected an object with a \"suppressions\" array";
                return result;
            }

            Add(list, result, ref problem);
            return result;
        }

        /// <summary>Adds the entries of a "suppressions" array; a malformed entry is skipped and named in <paramref name="problem"/>.</summary>
        public static void Add(JsonNode list, List<Suppression> into, ref string? problem)
        {
            foreach (var item in list.Items)
            {
                string? fingerprint = null, rule = null, reason = null;
                if (item.Kind == JsonKind.String)
                {
                    fingerprint = item.Text;
                }
                else if (item.Kind == JsonKind.Object)
                {
                    foreach (var property in item.Properties)
                    {
                        var text = property.Value.Kind == JsonKind.String ? property.Value.Text : null;
                        switch (property.Name)
                        {
                            case "fingerprint": fingerprint = text; break;
                            case "rule": rule = text; break;
                            case "reason": reason = text; break;
                        }
                    }
                }

                if (string.IsNullOrWhiteSpace(fingerprint))
                {
                    problem ??= "an entry without a \"fingerprint\" string was ignored";
                    continue;
                }

                into.Add(new Suppression(fingerprint!.Trim(), rule, reason));
            }
        }
    }
}
