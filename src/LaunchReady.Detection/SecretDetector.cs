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
                        Accept(pattern, text, match, 0, null, ref findings);
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
        /// Every provider-format credential in the first <paramref name="length"/> bytes of a file, read one
        /// char per byte (so starts are byte offsets and no input fails to decode). Made for
        /// large files: anchors are found on the bytes; a pattern whose matches start with its anchor is
        /// tried only at those positions, and the few whose anchor sits inside the match run only in windows
        /// around it, so a 4 MB chunk of minified JavaScript that says "path" a thousand times costs a
        /// thousand anchored attempts, not a regular-expression pass per pattern.
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
                var pattern = Patterns[index];
                if (positions is null
                    || (pattern.RequiredContext is not null && !ContainsIgnoreCase(buffer, length, pattern.RequiredContext)))
                {
                    continue;
                }

                try
                {
                    if (pattern.AnchoredRegex is not null)
                    {
                        foreach (var position in positions)
                        {
                            // One character before the anchor and one after the longest match let the boundary lookarounds see the real neighbours.
                            var start = Math.Max(0, position - 1);
                            var end = (int)Math.Min(length, (long)position + pattern.ScanReach + 1);
                            var window = Ascii.GetString(buffer, start, end - start);
                            var match = pattern.AnchoredRegex.Match(window, position - start);
                            if (match.Success && (match.Index + match.Length < window.Length || end == length))
                            {
                                Accept(pattern, window, match, start, buffer, ref findings);
                            }
                        }
                    }
                    else
                    {
                        ScanWindows(pattern, buffer, length, positions, ref findings);
                    }
                }
                catch (RegexMatchTimeoutException)
                {
                    // Pathological input: skip this pattern rather than stall the build.
                }
            }

            findings?.Sort((a, b) => a.Start.CompareTo(b.Start));
            return findings;
        }

        // How far before its anchor a match may start, for the few patterns whose anchor sits inside the match.
        private const int MaxLeadBeforeAnchor = 256;

        private static void ScanWindows(ProviderPattern pattern, byte[] buffer, int length, List<int> positions, ref List<SecretFinding>? findings)
        {
            var reach = pattern.ScanReach;
            var before = Math.Min(reach, MaxLeadBeforeAnchor);
            var windowStart = -1;
            var windowEnd = -1;
            foreach (var position in positions)
            {
                // One extra character on each side lets the boundary lookarounds see the real neighbours.
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

        private static void ScanWindow(ProviderPattern pattern, byte[] buffer, int length, int start, int end, ref List<SecretFinding>? findings)
        {
            var window = Ascii.GetString(buffer, start, end - start);
            for (var match = pattern.Regex.Match(window); match.Success; match = match.NextMatch())
            {
                // A match touching a cut edge of the window saw a false boundary; the real text continues there.
                if ((match.Index == 0 && start > 0) || (match.Index + match.Length == window.Length && end < length))
                {
                    continue;
                }

                Accept(pattern, window, match, start, buffer, ref findings);
            }
        }

        // ASCII letters compared without case, on the bytes: a required context word anywhere in the buffer.
        private static bool ContainsIgnoreCase(byte[] buffer, int length, string word)
        {
            var lower = (byte)char.ToLowerInvariant(word[0]);
            var upper = (byte)char.ToUpperInvariant(word[0]);
            for (var i = 0; i + word.Length <= length; i++)
            {
                var b = buffer[i];
                if (b != lower && b != upper)
                {
                    continue;
                }

                var k = 1;
                while (k < word.Length && char.ToLowerInvariant((char)buffer[i + k]) == char.ToLowerInvariant(word[k]))
                {
                    k++;
                }

                if (k == word.Length)
                {
                    return true;
                }
            }

            return false;
        }

        // One char per byte, and the runtime's fastest decoder: credentials are ASCII, and a byte above 0x7F
        // becomes '?', which is as much a token boundary as the character it stood for.
        private static readonly System.Text.Encoding Ascii = System.Text.Encoding.ASCII;

        // Applies the pattern's checks to a match in `text` and records it at `offset` + its start.
        // `buffer`, when given, is the file the text was cut from at `offset`: data-URI context is looked up there.
        private static void Accept(ProviderPattern pattern, string text, Match match, int offset, byte[]? buffer, ref List<SecretFinding>? findings)
        {
            var group = match.Groups["s"];
            var start = group.Success ? group.Index : match.Index;
            var length = group.Success ? group.Length : match.Length;
            var secret = text.Substring(start, length);
            if ((pattern.RequireRandom && !TokenChecks.LooksRandom(secret))
                || (buffer is null ? InsideDataUri(text, start) : InsideDataUri(buffer, offset + start))
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
        // The same test on the bytes, walking back from the secret: no decoding for the usual "no marker" answer.
        private static bool InsideDataUri(byte[] buffer, int start)
        {
            var limit = Math.Max(0, start - 4096);
            for (var i = start - 1; i >= limit; i--)
            {
                var b = buffer[i];
                if (b == ',' && i >= 6 && buffer[i - 1] == '4' && buffer[i - 2] == '6' && buffer[i - 3] == 'e' && buffer[i - 4] == 's' && buffer[i - 5] == 'a' && buffer[i - 6] == 'b')
                {
                    return true;
                }

                if (b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '"' || b == '\'' || b == ',')
                {
                    return false;
                }
            }

            return false;
        }

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
