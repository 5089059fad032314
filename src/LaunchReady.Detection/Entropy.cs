using System;
using System.Collections.Generic;

namespace LaunchReady.Detection
{
    /// <summary>Character statistics of a candidate value.</summary>
    public static class Entropy
    {
        /// <summary>Shannon entropy in bits per character.</summary>
        public static double BitsPerCharacter(string value)
        {
            if (value.Length == 0)
            {
                return 0;
            }

            var counts = new Dictionary<char, int>();
            foreach (var c in value)
            {
                counts.TryGetValue(c, out var count);
                counts[c] = count + 1;
            }

            var entropy = 0.0;
            foreach (var count in counts.Values)
            {
                var p = (double)count / value.Length;
                entropy -= p * Math.Log(p, 2);
            }

            return entropy;
        }

        public static int DistinctCharacters(string value)
        {
            var seen = new HashSet<char>(value);
            return seen.Count;
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
