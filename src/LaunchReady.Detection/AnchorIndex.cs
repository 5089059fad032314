using System;
using System.Collections.Generic;

namespace LaunchReady.Detection
{
    /// <summary>
    /// The prefilter: finds which patterns' anchors (fixed prefixes such as "ghp_" or "AKIA") occur in
    /// a text in one pass, with one table look-up per character. Only patterns whose anchor occurs
    /// run their regular expression, so a string with no secret hint costs almost nothing.
    /// </summary>
    internal sealed class AnchorIndex
    {
        private const int Alphabet = 128;

        private readonly Entry[]?[] _buckets = new Entry[]?[Alphabet * Alphabet];
        private readonly ulong[] _trigramBits = new ulong[65536 / 64];
        private readonly int _patternCount;

        public AnchorIndex(IReadOnlyList<ProviderPattern> patterns)
        {
            _patternCount = patterns.Count;
            var buckets = new Dictionary<int, List<Entry>>();
            for (var index = 0; index < patterns.Count; index++)
            {
                foreach (var anchor in patterns[index].Anchors)
                {
                    var key = Key(anchor[0], anchor[1]);
                    if (!buckets.TryGetValue(key, out var list))
                    {
                        list = new List<Entry>();
                        buckets[key] = list;
                    }

                    list.Add(new Entry(anchor, index, patterns[index].AnchorsIgnoreCase));
                }
            }

            foreach (var pair in buckets)
            {
                _buckets[pair.Key] = pair.Value.ToArray();
            }

            // The prefilter: a hashed set of every spelling of each anchor's first three bytes (any third
            // byte for two-character anchors).
            for (var index = 0; index < patterns.Count; index++)
            {
                var ignoreCase = patterns[index].AnchorsIgnoreCase;
                foreach (var anchor in patterns[index].Anchors)
                {
                    foreach (var first in Spellings(anchor[0], ignoreCase))
                    {
                        foreach (var second in Spellings(anchor[1], ignoreCase))
                        {
                            if (anchor.Length == 2)
                            {
                                for (var third = 0; third < 256; third++)
                                {
                                    SetTrigram(first, second, third);
                                }

                                continue;
                            }

                            foreach (var third in Spellings(anchor[2], ignoreCase))
                            {
                                SetTrigram(first, second, third);
                            }
                        }
                    }
                }
            }
        }

        /// <summary>Indexes of the patterns whose anchors occur in <paramref name="text"/>; null when none do.</summary>
        /// <remarks>Most positions of ordinary text end at the trigram set; only a possible anchor start reaches the buckets.</remarks>
        public bool[]? Find(string text)
        {
            bool[]? hits = null;
            var bits = _trigramBits;
            for (var i = 0; i + 1 < text.Length; i++)
            {
                var first = text[i];
                var second = text[i + 1];
                if ((first | second) >= Alphabet)
                {
                    continue;
                }

                // The same three-character prefilter as the byte scan. A third character past 255 can only follow a
                // two-character anchor (whose set holds every third byte), so it is looked up as 255.
                var third = i + 2 < text.Length ? Math.Min(text[i + 2], (char)255) : 0;
                var hash = Hash(first | (second << 8) | (third << 16));
                if ((bits[hash >> 6] & (1UL << (hash & 63))) == 0)
                {
                    continue;
                }

                var bucket = _buckets[Key(first, second)];
                if (bucket is null)
                {
                    continue;
                }

                foreach (var entry in bucket)
                {
                    if ((hits is null || !hits[entry.Pattern]) && entry.Matches(text, i))
                    {
                        hits ??= new bool[_patternCount];
                        hits[entry.Pattern] = true;
                    }
                }
            }

            return hits;
        }

        /// <summary>
        /// Where anchors occur in the first <paramref name="length"/> bytes of <paramref name="buffer"/>: for each
        /// pattern, its anchor positions in increasing order (null for patterns with none); null when no anchor
        /// occurs. An 8 KB hashed set of the anchors' first three bytes keeps the common no-anchor position to
        /// one L1-resident look-up, even in text full of the two-letter pairs anchors begin with.
        /// </summary>
        public List<int>?[]? FindPositions(byte[] buffer, int length)
        {
            List<int>?[]? positions = null;
            var bits = _trigramBits;
            if (length < 2)
            {
                return null;
            }

            var last = length - 1;
            for (var i = 0; i < last; i++)
            {
                // Three bytes as one little-endian number; past the end the third byte reads as 0.
                var trigram = i + 4 <= length && BitConverter.IsLittleEndian
                    ? (int)(BitConverter.ToUInt32(buffer, i) & 0xFFFFFF)
                    : buffer[i] | (buffer[i + 1] << 8) | (i + 2 < length ? buffer[i + 2] << 16 : 0);
                var hash = Hash(trigram);
                if ((bits[hash >> 6] & (1UL << (hash & 63))) == 0)
                {
                    continue;
                }

                int first = buffer[i];
                int second = buffer[i + 1];
                if ((first | second) >= Alphabet)
                {
                    continue;
                }

                var bucket = _buckets[Key((char)first, (char)second)];
                if (bucket is null)
                {
                    continue;
                }

                foreach (var entry in bucket)
                {
                    if (entry.Matches(buffer, length, i))
                    {
                        positions ??= new List<int>?[_patternCount];
                        var list = positions[entry.Pattern] ??= new List<int>();
                        if (list.Count == 0 || list[list.Count - 1] != i)
                        {
                            list.Add(i);
                        }
                    }
                }
            }

            return positions;
        }

        // 16-bit multiplicative hash of three bytes; a 64 Kbit (8 KB) set stays in L1.
        private static int Hash(int trigram) => (int)(((uint)trigram * 2654435761u) >> 16);

        private void SetTrigram(int first, int second, int third)
        {
            var hash = Hash(first | (second << 8) | (third << 16));
            _trigramBits[hash >> 6] |= 1UL << (hash & 63);
        }

        // Letters fold to lower case so case-insensitive anchors share a bucket with their other spellings.
        private static int Key(char first, char second) => (Fold(first) * Alphabet) + Fold(second);

        private static int Fold(char c) => c >= 'A' && c <= 'Z' ? c + 32 : c;

        private static int[] Spellings(char c, bool ignoreCase) =>
            ignoreCase && char.IsLetter(c) && c < Alphabet ? new int[] { char.ToLowerInvariant(c), char.ToUpperInvariant(c) } : new int[] { c };

        private readonly struct Entry
        {
            private readonly string _anchor;
            private readonly bool _ignoreCase;

            public Entry(string anchor, int pattern, bool ignoreCase)
            {
                _anchor = anchor;
                Pattern = pattern;
                _ignoreCase = ignoreCase;
            }

            public int Pattern { get; }

            public bool Matches(byte[] buffer, int length, int start)
            {
                if (start + _anchor.Length > length)
                {
                    return false;
                }

                for (var k = 0; k < _anchor.Length; k++)
                {
                    var a = (char)buffer[start + k];
                    var b = _anchor[k];
                    if (a != b && !(_ignoreCase && Fold(a) == Fold(b)))
                    {
                        return false;
                    }
                }

                return true;
            }

            public bool Matches(string text, int start)
            {
                if (start + _anchor.Length > text.Length)
                {
                    return false;
                }

                for (var k = 0; k < _anchor.Length; k++)
                {
                    var a = text[start + k];
                    var b = _anchor[k];
                    if (a != b && !(_ignoreCase && Fold(a) == Fold(b)))
                    {
                        return false;
                    }
                }

                return true;
            }
        }
    }
}
