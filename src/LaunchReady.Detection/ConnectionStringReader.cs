using System.Collections.Generic;

namespace LaunchReady.Detection
{
    /// <summary>One <c>Key=Value</c> pair of a connection string, with offsets into the text.</summary>
    public readonly struct ConnectionStringPart
    {
        public ConnectionStringPart(string key, int keyStart, int valueStart, int valueEnd)
        {
            Key = key;
            KeyStart = keyStart;
            ValueStart = valueStart;
            ValueEnd = valueEnd;
        }

        /// <summary>The key, trimmed ("Password", "Data Source").</summary>
        public string Key { get; }

        public int KeyStart { get; }

        /// <summary>First character of the value, after leading spaces.</summary>
        public int ValueStart { get; }

        /// <summary>One past the last character of the value, before trailing spaces.</summary>
        public int ValueEnd { get; }
    }

    /// <summary>Splits <c>Key=Value;Key=Value</c> text, as ADO.NET connection strings are written. Never throws.</summary>
    public static class ConnectionStringReader
    {
        public static IEnumerable<ConnectionStringPart> Read(string text, char separator = ';')
        {
            var segmentStart = 0;
            while (segmentStart < text.Length)
            {
                var segmentEnd = text.IndexOf(separator, segmentStart);
                if (segmentEnd < 0)
                {
                    segmentEnd = text.Length;
                }

                var equals = text.IndexOf('=', segmentStart, segmentEnd - segmentStart);
                if (equals > segmentStart)
                {
                    var keyStart = segmentStart;
                    while (keyStart < equals && char.IsWhiteSpace(text[keyStart]))
                    {
                        keyStart++;
                    }

                    var valueStart = equals + 1;
                    while (valueStart < segmentEnd && char.IsWhiteSpace(text[valueStart]))
                    {
                        valueStart++;
                    }

                    var valueEnd = segmentEnd;
                    while (valueEnd > valueStart && char.IsWhiteSpace(text[valueEnd - 1]))
                    {
                        valueEnd--;
                    }

                    yield return new ConnectionStringPart(text.Substring(keyStart, equals - keyStart).Trim(), keyStart, valueStart, valueEnd);
                }

                segmentStart = segmentEnd + 1;
            }
        }
    }
}
