using System.Collections.Generic;

namespace LaunchReady.Detection.Config
{
    /// <summary>A string value in a JSON file, with the key path that leads to it.</summary>
    public readonly struct JsonStringValue
    {
        public JsonStringValue(string path, int start, string rawText)
        {
            Path = path;
            Start = start;
            RawText = rawText;
        }

        /// <summary>Keys from the root joined with ':' as .NET configuration does ("ConnectionStrings:Shop", "Hosts:0").</summary>
        public string Path { get; }

        /// <summary>Offset of the first character after the opening quote.</summary>
        public int Start { get; }

        /// <summary>The value as written between the quotes (escapes not decoded), so offsets map to the file.</summary>
        public string RawText { get; }

        /// <summary>The last key of the path that is not an array index: "Hosts" for "Hosts:0".</summary>
        public string LastKey => LastKeyOf(Path);

        /// <summary>The last segment of a configuration path that is not an array index.</summary>
        public static string LastKeyOf(string path)
        {
            var end = path.Length;
            while (end > 0)
            {
                var start = path.LastIndexOf(':', end - 1) + 1;
                var segment = path.Substring(start, end - start);
                if (segment.Length > 0 && !IsArrayIndex(segment))
                {
                    return segment;
                }

                end = start - 1;
            }

            return string.Empty;
        }

        /// <summary>"0", "12": a path segment that is an array index rather than a key.</summary>
        public static bool IsArrayIndex(string segment)
        {
            if (segment.Length == 0)
            {
                return false;
            }

            foreach (var c in segment)
            {
                if (c < '0' || c > '9')
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>
    /// A forgiving reader for configuration JSON (<c>appsettings*.json</c> allows comments and trailing
    /// commas). It never throws: on broken input it returns what it could read, because a config file
    /// with a typo must not crash the build.
    /// </summary>
    public static class JsonStringReader
    {
        public static List<JsonStringValue> ReadStringValues(string text)
        {
            var values = new List<JsonStringValue>();
            var keys = new List<string?>();
            var nextIndex = new List<int>();  // -1 for an object, the next element's index for an array
            string? pendingKey = null;
            var expectKey = false;
            var i = 0;
            while (i < text.Length)
            {
                var c = text[i];
                switch (c)
                {
                    case '/' when i + 1 < text.Length && text[i + 1] == '/':
                        i = SkipTo(text, i, "\n");
                        continue;
                    case '/' when i + 1 < text.Length && text[i + 1] == '*':
                        i = SkipTo(text, i + 2, "*/") + 1;
                        continue;
                    case '{':
                    case '[':
                        keys.Add(ElementName(nextIndex, pendingKey));
                        nextIndex.Add(c == '{' ? -1 : 0);
                        expectKey = c == '{';
                        pendingKey = null;
                        break;
                    case '}':
                    case ']':
                        if (keys.Count > 0)
                        {
                            keys.RemoveAt(keys.Count - 1);
                            nextIndex.RemoveAt(nextIndex.Count - 1);
                        }

                        expectKey = false;
                        pendingKey = null;
                        break;
                    case ',':
                        expectKey = nextIndex.Count > 0 && nextIndex[nextIndex.Count - 1] < 0;
                        pendingKey = null;
                        break;
                    case ':':
                        expectKey = false;
                        break;
                    case '"':
                        var start = i + 1;
                        var end = FindStringEnd(text, start);
                        var raw = text.Substring(start, end - start);
                        if (expectKey)
                        {
                            pendingKey = raw;
                            expectKey = false;
                        }
                        else
                        {
                            values.Add(new JsonStringValue(JoinPath(keys, ElementName(nextIndex, pendingKey)), start, raw));
                            pendingKey = null;
                        }

                        i = end + 1;
                        continue;
                    default:
                        // A number, true, false or null in an array takes an index too: ["a", 1, "b"] names "b" as :2.
                        if (char.IsLetterOrDigit(c) || c == '-')
                        {
                            _ = ElementName(nextIndex, null);
                            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '-' or '+' or '.'))
                            {
                                i++;
                            }

                            continue;
                        }

                        break;
                }

                i++;
            }

            return values;
        }

        // The name an element takes in its container: its key in an object, its index in an array (which moves on).
        private static string? ElementName(List<int> nextIndex, string? key)
        {
            var top = nextIndex.Count - 1;
            if (top < 0 || nextIndex[top] < 0)
            {
                return key;
            }

            var index = nextIndex[top]++;
            return index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        private static int FindStringEnd(string text, int start)
        {
            var i = start;
            while (i < text.Length && text[i] != '"' && text[i] != '\n')
            {
                i += text[i] == '\\' ? 2 : 1;
            }

            return i < text.Length ? i : text.Length;
        }

        private static int SkipTo(string text, int start, string terminator)
        {
            var found = text.IndexOf(terminator, start, System.StringComparison.Ordinal);
            return found < 0 ? text.Length : found + terminator.Length - 1;
        }

        private static string JoinPath(List<string?> keys, string? last)
        {
            var parts = new List<string>(keys.Count + 1);
            foreach (var key in keys)
            {
                if (key is not null)
                {
                    parts.Add(key);
                }
            }

            if (last is not null)
            {
                parts.Add(last);
            }

            return string.Join(":", parts);
        }
    }
}
