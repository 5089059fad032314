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

        /// <summary>Keys from the root joined with ':' as .NET configuration does ("ConnectionStrings:Shop").</summary>
        public string Path { get; }

        /// <summary>Offset of the first character after the opening quote.</summary>
        public int Start { get; }

        /// <summary>The value as written between the quotes (escapes not decoded), so offsets map to the file.</summary>
        public string RawText { get; }
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
            var inObject = new List<bool>();
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
                        keys.Add(pendingKey);
                        inObject.Add(c == '{');
                        expectKey = c == '{';
                        pendingKey = null;
                        break;
                    case '}':
                    case ']':
                        if (keys.Count > 0)
                        {
                            keys.RemoveAt(keys.Count - 1);
                            inObject.RemoveAt(inObject.Count - 1);
                        }

                        expectKey = false;
                        pendingKey = null;
                        break;
                    case ',':
                        expectKey = inObject.Count > 0 && inObject[inObject.Count - 1];
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
                            values.Add(new JsonStringValue(JoinPath(keys, pendingKey), start, raw));
                            pendingKey = null;
                        }

                        i = end + 1;
                        continue;
                }

                i++;
            }

            return values;
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
