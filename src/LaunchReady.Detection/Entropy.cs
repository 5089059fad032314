using System;
using System.Collections.Generic;

namespace LaunchReady.Detection
{
    /// <summary>Character statistics of a candidate value.</summary>
    public static class Entropy
    {
        // Per-thread counters for ASCII characters: these statistics are computed for many short values, so
        // they allocate no table of their own unless a value has other characters.
        [ThreadStatic]
        private static int[]? t_asciiCounts;

        /// <summary>Shannon entropy in bits per character.</summary>
        public static double BitsPerCharacter(string value)
        {
            var entropy = 0.0;
            foreach (var count in Counts(value))
            {
                var p = (double)count / value.Length;
                entropy -= p * Math.Log(p, 2);
            }

            return entropy;
        }

        public static int DistinctCharacters(string value)
        {
            var distinct = 0;
            foreach (var _ in Counts(value))
            {
                distinct++;
            }

            return distinct;
        }

        /// <summary>How often the most frequent character occurs.</summary>
        public static int MostFrequentCount(string value)
        {
            var most = 0;
            foreach (var count in Counts(value))
            {
                most = Math.Max(most, count);
            }

            return most;
        }

        // The number of occurrences of each distinct character. The counters are cleared first, so an enumeration
        // left unfinished cannot skew the next one.
        private static IEnumerable<int> Counts(string value)
        {
            var ascii = t_asciiCounts ??= new int[128];
            Array.Clear(ascii, 0, ascii.Length);
            Dictionary<char, int>? other = null;
            foreach (var c in value)
            {
                if (c < 128)
                {
                    ascii[c]++;
                }
                else
                {
                    other ??= new Dictionary<char, int>();
                    other.TryGetValue(c, out var count);
                    other[c] = count + 1;
                }
            }

            for (var i = 0; i < ascii.Length; i++)
            {
                if (ascii[i] > 0)
                {
                    yield return ascii[i];
                }
            }

            if (other is not null)
            {
                foreach (var count in other.Values)
                {
                    yield return count;
                }
            }
        }

        /// <summary>How many of lower case, upper case, digits and symbols occur.</summary>
        public static int CharacterClasses(string value)
        {
            bool lower = false, upper = false, digit = false, symbol = false;
            foreach (var c in value)
            {
                if (c >= 'a' && c <= 'z')
                {
                    lower = true;
                }
                else if (c >= 'A' && c <= 'Z')
                {
                    upper = true;
                }
                else if (c >= '0' && c <= '9')
                {
                    digit = true;
                }
                else
                {
                    symbol = true;
                }
            }

            return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
        }
    }
}
