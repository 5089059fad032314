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
                        Accept(pattern, text, match, 0, ref findings);
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

        /// <summary>
        /// Every provider-format credential in the first <paramref name="length"/> bytes of a file, read as
        /// Latin-1 (one char per byte, so starts are byte offsets and no input fails to decode). Made for
        /// large files: anchors are found on the bytes, and each pattern's expression only runs in windows
        /// around its own anchors, as long as the longest text it can match, so a 4 MB chunk of minified
        /// JavaScript that mentions "path" a hundred times costs a hundred small windows, not a full regex pass.
        /// </summary>
        public static List<SecretFinding>? ScanBuffer(byte[] buffer, int length)
        {
            var anchors = Index.FindPositions(buffer, length);
            if (anchors is null)
            {
                return null;
            }

            List<SecretFinding>? findings = null;
            for (var index = 0; index < Patterns.Count; index++)
            {
                var positions = anchors[index];
                if (positions is null)
                {
                    continue;
                }

                var pattern = Patterns[index];
                var reach = Math.Min(pattern.MaxLength, MaxWindowReach);
                var before = Math.Min(reach, MaxLeadBeforeAnchor);
                var windowStart = -1;
                var windowEnd = -1;
                foreach (var position in positions)
                {
                    // One extra byte on each side lets the boundary lookarounds see the real neighbours.
                    var start = Math.Max(0, position - before - 1);
                    var end = (int)Math.Min(length, (long)position + reach + 1);
                    if (start <= windowEnd)
                    {
                        windowEnd = Math.Max(windowEnd, end);
                        continue;
                    }

                    if (windowEnd > 0)
                    {
                        ScanWindow(pattern, buffer, length, windowStart, windowEnd, ref findings);
                    }

                    windowStart = start;
                    windowEnd = end;
                }

                ScanWindow(pattern, buffer, length, windowStart, windowEnd, ref findings);
            }

            findings?.Sort((a, b) => a.Start.CompareTo(b.Start));
            return findings;
        }

        // Caps for unbounded expressions (a PEM body): longer than any real credential, far shorter than a bundle.
        private const int MaxWindowReach = 16 * 1024;
        private const int MaxLeadBeforeAnchor = 256;
        private const int ContextReach = 8 * 1024;

        private static void ScanWindow(ProviderPattern pattern, byte[] buffer, int length, int start, int end, ref List<SecretFinding>? findings)
        {
            if (pattern.RequiredContext is not null)
            {
                var contextStart = Math.Max(0, start - ContextReach);
                var context = Latin1.GetString(buffer, contextStart, Math.Min(length, end + ContextReach) - contextStart);
                if (context.IndexOf(pattern.RequiredContext, StringComparison.OrdinalIgnoreCase) < 0)
                {
                    return;
                }
            }

            var window = Latin1.GetString(buffer, start, end - start);
            try
            {
                for (var match = pattern.Regex.Match(window); match.Success; match = match.NextMatch())
                {
                    // A match touching a cut edge of the window saw a false boundary; the real text continues there.
                    if ((match.Index == 0 && start > 0) || (match.Index + match.Length == window.Length && end < length))
                    {
                        continue;
                    }

                    Accept(pattern, window, match, start, ref findings);
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // Pathological input: skip this window rather than stall the build.
            }
        }

        private static readonly System.Text.Encoding Latin1 = System.Text.Encoding.GetEncoding(28591);

        // Applies the pattern's checks to a match in `text` and records it at `offset` + its start.
        private static void Accept(ProviderPattern pattern, string text, Match match, int offset, ref List<SecretFinding>? findings)
        {
            var group = match.Groups["s"];
            var start = group.Success ? group.Index : match.Index;
            var length = group.Success ? group.Length : match.Length;
            var secret = text.Substring(start, length);
            if ((pattern.RequireRandom && !TokenChecks.LooksRandom(secret))
                || InsideDataUri(text, start)
                || (pattern.Validate is not null && !pattern.Validate(secret))
                || Overlaps(findings, offset + start, length))
            {
                return;
            }

            findings ??= new List<SecretFinding>();
            findings.Add(new SecretFinding(
                SecretKind.ProviderFormat, pattern.Name, pattern.Provider, offset + start, length,
                pattern.Confidence, RedactedSecret.Of(secret), pattern.EnvironmentVariable));
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
