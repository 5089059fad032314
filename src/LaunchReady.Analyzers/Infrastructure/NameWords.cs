using System;
using System.Collections.Generic;

namespace LaunchReady.Analyzers.Infrastructure
{
    /// <summary>Splits identifiers and keys into lower-case words: "ApiBaseUrl" and "api_base-url" both give api, base, url.</summary>
    public static class NameWords
    {
        public static bool ContainsAny(string? name, HashSet<string> words)
        {
            if (string.IsNullOrEmpty(name))
            {
                return false;
            }

            var start = 0;
            for (var i = 1; i <= name!.Length; i++)
            {
                if (i == name.Length || IsBoundary(name, i))
                {
                    if (i > start && words.Contains(name.Substring(start, i - start).Trim('_', '-', ':', '.', '$', '@').ToLowerInvariant()))
                    {
                        return true;
                    }

                    start = i;
                }
            }

            return false;
        }

        private static bool IsBoundary(string name, int i)
        {
            var previous = name[i - 1];
            var current = name[i];
            if (current == '_' || current == '-' || current == ':' || current == '.' || current == ' ')
            {
                return true;
            }

            if (char.IsUpper(current))
            {
                // "ApiURL" -> Api | URL, "URLPath" -> URL | Path
                return char.IsLower(previous)
                    || (char.IsUpper(previous) && i + 1 < name.Length && char.IsLower(name[i + 1]));
            }

            return !char.IsLetterOrDigit(previous);
        }

        public static HashSet<string> Set(params string[] words) => new HashSet<string>(words, StringComparer.Ordinal);
    }
}
