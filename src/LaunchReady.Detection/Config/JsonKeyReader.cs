using System;
using System.Collections.Generic;

namespace LaunchReady.Detection.Config
{
    /// <summary>
    /// The configuration keys a JSON settings file provides a value for, as .NET configuration names
    /// them ("Logging:LogLevel:Default", arrays as "Hosts:0"), with every enclosing section. Empty strings,
    /// placeholders and nulls provide nothing: they mark a value that must come from elsewhere. Forgiving
    /// like <see cref="JsonStringReader"/>: comments and trailing commas are fine, broken input never throws.
    /// </summary>
    public static class JsonKeyReader
    {
        public static HashSet<string> ReadProvidedKeys(string text)
        {
            var provided = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var path = new List<string>();
            var arrayIndex = new List<int>();  // -1 for objects, the next index for arrays
            string? pendingKey = null;
            var expectKey = false;
            var i = 0;
            while (i < text.Length)
            {
                var c = text[i];
                if (c == '/' && i + 1 < text.Length && (text[i + 1] == '/' || text[i + 1] == '*'))
                {
                    var terminator = text[i + 1] == '/' ? "\n" : "*/";
                    var end = text.IndexOf(terminator, i + 2, StringComparison.Ordinal);
                    i = end < 0 ? text.Length : end + terminator.Length;
                    continue;
                }

                switch (c)
                {
                    case '{':
                    case '[':
                        path.Add(NameOfValue(ref pendingKey, arrayIndex) ?? string.Empty);
                        arrayIndex.Add(c == '[' ? 0 : -1);
                        expectKey = c == '{';
                        break;
                    case '}':
                    case ']':
                        if (path.Count > 0)
                        {
                            path.RemoveAt(path.Count - 1);
                            arrayIndex.RemoveAt(arrayIndex.Count - 1);
                        }

                        expectKey = false;
                        break;
                    case ',':
                        expectKey = arrayIndex.Count > 0 && arrayIndex[arrayIndex.Count - 1] < 0;
                        pendingKey = null;
                        break;
                    case ':':
                        expectKey = false;
                        break;
                    case '"':
                        var start = i + 1;
                        var close = start;
                        while (close < text.Length && text[close] != '"' && text[close] != '\n')
                        {
                            close += text[close] == '\\' ? 2 : 1;
                        }

                        close = Math.Min(close, text.Length);
                        var raw = text.Substring(start, close - start);
                        if (expectKey)
                        {
                            pendingKey = raw;
                            expectKey = false;
                        }
                        else
                        {
                            var name = NameOfValue(ref pendingKey, arrayIndex);
                            if (name is not null && !Placeholders.IsStandIn(raw))
                            {
                                Add(provided, path, name);
                            }
                        }

                        i = close + 1;
                        continue;
                    default:
                        if (char.IsLetterOrDigit(c) || c == '-')
                        {
                            var literalEnd = i;
                            while (literalEnd < text.Length && (char.IsLetterOrDigit(text[literalEnd]) || text[literalEnd] == '.' || text[literalEnd] == '-' || text[literalEnd] == '+'))
                            {
                                literalEnd++;
                            }

                            var name = NameOfValue(ref pendingKey, arrayIndex);
                            if (name is not null && string.CompareOrdinal(text, i, "null", 0, 4) != 0)
                            {
                                Add(provided, path, name);
                            }

                            i = literalEnd;
                            continue;
                        }

                        break;
                }

                i++;
            }

            return provided;
        }

        // The key a value is stored under: the pending property name, or the next index inside an array.
        private static string? NameOfValue(ref string? pendingKey, List<int> arrayIndex)
        {
            if (arrayIndex.Count > 0 && arrayIndex[arrayIndex.Count - 1] >= 0)
            {
                var index = arrayIndex[arrayIndex.Count - 1]++;
                return index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            var key = pendingKey;
            pendingKey = null;
            return key;
        }

        private static void Add(HashSet<string> provided, List<string> path, string name)
        {
            // path[0] is the root object's empty name.
            var key = string.Empty;
            for (var i = 1; i < path.Count; i++)
            {
                key = key.Length == 0 ? path[i] : key + ":" + path[i];
                provided.Add(key);
            }

            provided.Add(key.Length == 0 ? name : key + ":" + name);
        }
    }
}
