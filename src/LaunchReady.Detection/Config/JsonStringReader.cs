using System;
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

        /// <summary>The text of a JSON string with its escapes (<c>\"</c>, <c>\/</c>, <c>\n</c>, <c>\u002B</c>) decoded; malformed escapes are kept as written.</summary>
        public static string Unescape(string raw)
        {
            var backslash = raw.IndexOf('\\');
            if (backslash < 0)
            {
                return raw;
            }

            var text = new System.Text.StringBuilder(raw.Length);
            text.Append(raw, 0, backslash);
            for (var i = backslash; i < raw.Length;)
            {
                var length = EscapeLength(raw, i);
                text.Append(length switch
                {
                    6 => (char)int.Parse(raw.Substring(i + 2, 4), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture),
                    2 => raw[i + 1] switch
                    {
                        'b' => '\b',
                        'f' => '\f',
                        'n' => '\n',
                        'r' => '\r',
                        't' => '\t',
                        var same => same,
                    },
                    _ => raw[i],
                });
                i += length;
            }

            return text.ToString();
        }

        /// <summary>The offset in a JSON string as written of a character of its decoded text (<see cref="Unescape"/>).</summary>
        public static int WrittenOffset(string raw, int decodedOffset)
        {
            var decoded = 0;
            var i = 0;
            while (i < raw.Length && decoded < decodedOffset)
            {
                i += EscapeLength(raw, i);
                decoded++;
            }

            return i;
        }

        // How many written characters make up the decoded character at i: 6 for \u002B, 2 for \n, else 1.
        private static int EscapeLength(string raw, int i)
        {
            if (raw[i] != '\\' || i + 1 >= raw.Length)
            {
                return 1;
            }

            var next = raw[i + 1];
            if (next is '"' or '\\' or '/' or 'b' or 'f' or 'n' or 'r' or 't')
            {
                return 2;
            }

            return next == 'u' && i + 5 < raw.Length && IsHex(raw, i + 2, 4) ? 6 : 1;
        }

        private static bool IsHex(string text, int start, int count)
        {
            for (var i = start; i < start + count; i++)
            {
                if (!Uri.IsHexDigit(text[i]))
                {
                    return false;
                }
            }

            return true;
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
