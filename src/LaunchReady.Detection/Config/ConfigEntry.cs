using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace LaunchReady.Detection.Config
{
    /// <summary>A named value in a configuration file, with the offset of the value in the file's text.</summary>
    public readonly struct ConfigEntry
    {
        public ConfigEntry(string? name, string value, int start, string? writtenJson = null)
        {
            Name = name;
            Value = value;
            Start = start;
            _writtenJson = writtenJson is not null && writtenJson.Length != value.Length ? writtenJson : null;
        }

        // The JSON string as written, when escapes make it differ from Value.
        private readonly string? _writtenJson;

        /// <summary>The key path ("Stripe:SecretKey"), variable name or XML key; null when the value has none.</summary>
        public string? Name { get; }

        /// <summary>
        /// The value, with JSON escapes decoded (so a secret's length and fingerprint match the same secret written
        /// in code); otherwise as written in the file.
        /// </summary>
        public string Value { get; }

        public int Start { get; }

        /// <summary>Where a part of <see cref="Value"/> is written in the file, escapes included.</summary>
        public (int Start, int Length) SpanOf(int start, int length)
        {
            if (_writtenJson is null)
            {
                return (Start + start, length);
            }

            var writtenStart = JsonStringValue.WrittenOffset(_writtenJson, start);
            return (Start + writtenStart, JsonStringValue.WrittenOffset(_writtenJson, start + length) - writtenStart);
        }
    }

    /// <summary>Reads the entries of the configuration formats that ship with .NET projects. None of them throws on malformed input.</summary>
    public static class ConfigEntryReader
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(500);
        private static readonly Regex AddElement = new Regex(@"<[A-Za-z_][\w:.\-]*\s(?<attributes>[^<>]*)>", RegexOptions.CultureInvariant, Timeout);
        private static readonly Regex Attribute = new Regex(
            @"(?<name>[A-Za-z_][\w:.\-]*)\s*=\s*(""(?<dq>[^""]*)""|'(?<sq>[^']*)')", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, Timeout);

        /// <summary>String values of a JSON file, named by their key path.</summary>
        public static IEnumerable<ConfigEntry> ReadJson(string text)
        {
            foreach (var value in JsonStringReader.ReadStringValues(text))
            {
                yield return new ConfigEntry(value.Path.Length == 0 ? null : value.Path, JsonStringValue.Unescape(value.RawText), value.Start, value.RawText);
            }
        }

        /// <summary>NAME=value lines of a dotenv file (quotes, <c>export</c> and comments allowed).</summary>
        public static IEnumerable<ConfigEntry> ReadDotEnv(string text)
        {
            var lineStart = 0;
            while (lineStart < text.Length)
            {
                var lineEnd = text.IndexOf('\n', lineStart);
                if (lineEnd < 0)
                {
                    lineEnd = text.Length;
                }

                var entry = ParseDotEnvLine(text, lineStart, ref lineEnd);
                if (entry.HasValue)
                {
                    yield return entry.Value;
                }

                lineStart = lineEnd + 1;
            }
        }

        /// <summary>
        /// Attribute values of an XML config file: <c>&lt;add key="..." value="..."/&gt;</c>,
        /// <c>&lt;add name="..." connectionString="..."/&gt;</c>, <c>&lt;environmentVariable name="..." value="..."/&gt;</c>
        /// are named by their key; other attributes (<c>password="..."</c>, <c>validationKey="..."</c>) by themselves.
        /// </summary>
        public static IEnumerable<ConfigEntry> ReadXmlConfig(string text)
        {
            var entries = new List<ConfigEntry>();
            try
            {
                foreach (Match element in AddElement.Matches(text))
                {
                    string? name = null;
                    var values = new List<ConfigEntry>();
                    foreach (Match attribute in Attribute.Matches(element.Groups["attributes"].Value))
                    {
                        var attributeName = attribute.Groups["name"].Value;
                        var group = attribute.Groups["dq"].Success ? attribute.Groups["dq"] : attribute.Groups["sq"];
                        var start = element.Groups["attributes"].Index + group.Index;
                        if (string.Equals(attributeName, "key", StringComparison.OrdinalIgnoreCase) || string.Equals(attributeName, "name", StringComparison.OrdinalIgnoreCase))
                        {
                            name = group.Value;
                        }
                        else
                        {
                            values.Add(new ConfigEntry(attributeName, group.Value, start));
                        }
                    }

                    foreach (var value in values)
                    {
                        // The value of <add key="ApiKey" value="..."/> is named by its key; other attributes by themselves.
                        var isPrimary = string.Equals(value.Name, "value", StringComparison.OrdinalIgnoreCase)
                            || string.Equals(value.Name, "connectionString", StringComparison.OrdinalIgnoreCase);
                        entries.Add(new ConfigEntry(isPrimary ? name ?? value.Name : value.Name, value.Value, value.Start));
                    }
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // A pathological file: report what was read so far.
            }

            return entries;
        }

        // One NAME=value line; a quoted value that does not close on its line runs on to the line that closes it
        // (dotenv's multi-line values, as a PEM key is often kept), and end moves to that line's end.
        private static ConfigEntry? ParseDotEnvLine(string text, int start, ref int end)
        {
            var i = start;
            while (i < end && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= end || text[i] == '#')
            {
                return null;
            }

            if (string.CompareOrdinal(text, i, "export ", 0, 7) == 0)
            {
                i += 7;
            }

            var equals = text.IndexOf('=', i, end - i);
            if (equals <= i)
            {
                return null;
            }

            var name = text.Substring(i, equals - i).Trim();
            var valueStart = equals + 1;
            var valueEnd = end;
            while (valueEnd > valueStart && char.IsWhiteSpace(text[valueEnd - 1]))
            {
                valueEnd--;
            }

            while (valueStart < valueEnd && (text[valueStart] == ' ' || text[valueStart] == '\t'))
            {
                valueStart++;
            }

            if (valueStart < valueEnd && (text[valueStart] == '"' || text[valueStart] == '\''))
            {
                var quote = text[valueStart];
                var close = text.IndexOf(quote, valueStart + 1, valueEnd - valueStart - 1);
                if (close < 0 && text.IndexOf(quote, end) is var later and >= 0)
                {
                    close = later;
                    var closingLineEnd = text.IndexOf('\n', later);
                    end = closingLineEnd < 0 ? text.Length : closingLineEnd;
                }

                valueStart++;
                valueEnd = close < 0 ? valueEnd : close;
            }
            else
            {
                var comment = text.IndexOf(" #", valueStart, valueEnd - valueStart, StringComparison.Ordinal);
                if (comment >= 0)
                {
                    valueEnd = comment;
                }
            }

            return new ConfigEntry(name, text.Substring(valueStart, valueEnd - valueStart), valueStart);
        }
    }
}
