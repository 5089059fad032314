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
        private readonly ulong[] _rawPairBits = new ulong[256 * 256 / 64];
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
                // Every byte pair that folds to this key: both cases of letters.
                foreach (var first in Spellings(pair.Key / Alphabet))
                {
                    foreach (var second in Spellings(pair.Key % Alphabet))
                    {
                        var raw = (first << 8) | second;
                        _rawPairBits[raw >> 6] |= 1UL << (raw & 63);
                    }
                }
            }
        }

        /// <summary>Indexes of the patterns whose anchors occur in <paramref name="text"/>; null when none do.</summary>
        public bool[]? Find(string text)
        {
            bool[]? hits = null;
            for (var i = 0; i + 1 < text.Length; i++)
            {
                var first = text[i];
                var second = text[i + 1];
                if (first >= Alphabet || second >= Alphabet)
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
        /// occurs. An 8 KB bit set of every spelling of the anchors' first two bytes keeps the common no-anchor
        /// position to one L1-resident look-up.
        /// </summary>
        public List<int>?[]? FindPositions(byte[] buffer, int length)
        {
            List<int>?[]? positions = null;
            var bits = _rawPairBits;
            if (length < 2)
            {
                return null;
            }

            int second = buffer[0];
            for (var i = 0; i + 1 < length; i++)
            {
                var first = second;
                second = buffer[i + 1];
                var raw = (first << 8) | second;
                if ((bits[raw >> 6] & (1UL << (raw & 63))) == 0)
                {
                    continue;
                }

                foreach (var entry in _buckets[Key((char)first, (char)second)]!)
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

        // Letters fold to lower case so case-insensitive anchors share a bucket with their other spellings.
        private static int Key(char first, char second) => (Fold(first) * Alphabet) + Fold(second);

        private static int Fold(char c) => c >= 'A' && c <= 'Z' ? c + 32 : c;

        private static int[] Spellings(int folded) => folded >= 'a' && folded <= 'z' ? new[] { folded, folded - 32 } : new[] { folded };

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
