using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace LaunchReady.Detection
{
    /// <summary>
    /// Finds provider-format credentials in a string (a literal, a config value, a line of a bundle).
    /// Thread-safe and allocation-free for text with no secret hint: the anchor prefilter decides in
    /// one pass whether any pattern runs at all.
    /// </summary>
    public static class SecretDetector
    {
        private static readonly IReadOnlyList<ProviderPattern> Patterns = ProviderCatalog.All;
        private static readonly AnchorIndex Index = new AnchorIndex(Patterns);

        /// <summary>How many provider formats are recognised.</summary>
        public static int FormatCount => Patterns.Count;

        /// <summary>Names of the recognised formats, for docs and tests.</summary>
        public static IEnumerable<string> FormatNames
        {
            get
            {
                foreach (var pattern in Patterns)
                {
                    yield return pattern.Name;
                }
            }
        }

        /// <summary>True when some anchor occurs, that is, when <see cref="Scan"/> would run a pattern.</summary>
        public static bool HasHint(string text) => Index.Find(text) is not null;

        /// <summary>Every provider-format credential in <paramref name="text"/>, or null when there is none.</summary>
        public static List<SecretFinding>? Scan(string text)
        {
            var hits = Index.Find(text);
            if (hits is null)
            {
                return null;
            }

            List<SecretFinding>? findings = null;
            for (var index = 0; index < Patterns.Count; index++)
            {
                if (!hits[index])
                {
                    continue;
                }

                var pattern = Patterns[index];
                if (pattern.RequiredContext is not null && text.IndexOf(pattern.RequiredContext, StringComparison.OrdinalIgnoreCase) < 0)
                {
                    continue;
                }

                try
                {
                    for (var match = pattern.Regex.Match(text); match.Success; match = match.NextMatch())
                    {
                        var group = match.Groups["s"];
                        var start = group.Success ? group.Index : match.Index;
                        var length = group.Success ? group.Length : match.Length;
                        var secret = text.Substring(start, length);
                        if ((pattern.RequireRandom && !TokenChecks.LooksRandom(secret))
                            || InsideDataUri(text, start)
                            || (pattern.Validate is not null && !pattern.Validate(secret))
                            || Overlaps(findings, start, length))
                        {
                            continue;
                        }

                        findings ??= new List<SecretFinding>();
                        findings.Add(new SecretFinding(
                            SecretKind.ProviderFormat, pattern.Name, pattern.Provider, start, length,
                            pattern.Confidence, RedactedSecret.Of(secret), pattern.EnvironmentVariable));
                    }
                }
                catch (RegexMatchTimeoutException)
                {
                    // Pathological input: skip this pattern rather than stall the IDE or the build.
                }
            }

            findings?.Sort((a, b) => a.Start.CompareTo(b.Start));
            return findings;
        }

        // data:image/png;base64,AAAA...: embedded file content, where any token shape can occur by chance.
        private static bool InsideDataUri(string text, int start)
        {
            var marker = start >= 7 ? text.LastIndexOf("base64,", start - 1, System.Math.Min(start, 4096), StringComparison.Ordinal) : -1;
            if (marker < 0)
            {
                return false;
            }

            for (var i = marker + 7; i < start; i++)
            {
                var c = text[i];
                if (char.IsWhiteSpace(c) || c == '"' || c == '\'' || c == ',')
                {
                    return false;
                }
            }

            return true;
        }

        // Patterns run in catalog order, so a specific format (a GCP service-account key) wins over
        // the general one (any private key) that matches the same characters.
        private static bool Overlaps(List<SecretFinding>? findings, int start, int length)
        {
            if (findings is null)
            {
                return false;
            }

            foreach (var finding in findings)
            {
                if (start < finding.Start + finding.Length && finding.Start < start + length)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
