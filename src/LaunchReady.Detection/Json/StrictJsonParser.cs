using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace LaunchReady.Detection.Json
{
    /// <summary>The outcome of parsing: a root value, or the first syntax error and where it is.</summary>
    public sealed class JsonParseResult
    {
        public JsonParseResult(JsonNode? root, string? error, int errorOffset)
        {
            Root = root;
            Error = error;
            ErrorOffset = errorOffset;
        }

        public JsonNode? Root { get; }

        public string? Error { get; }

        public int ErrorOffset { get; }
    }

    /// <summary>
    /// An RFC 8259 JSON parser that keeps offsets and duplicate keys, which System.Text.Json would not
    /// give us on netstandard2.0 without a dependency. It never throws: the first syntax error is returned
    /// with its offset. Nesting is capped so a hostile file cannot exhaust the stack.
    /// </summary>
    public sealed class StrictJsonParser
    {
        private const int MaxDepth = 64;

        private readonly string text;
        private int position;
        private string? error;
        private int errorOffset;

        private StrictJsonParser(string text)
        {
            this.text = text;
        }

        public static JsonParseResult Parse(string text)
        {
            var parser = new StrictJsonParser(text);
            if (text.Length > 0 && text[0] == '\uFEFF')
            {
                parser.position = 1;
            }

            parser.SkipWhitespace();
            if (parser.position >= text.Length)
            {
                return new JsonParseResult(null, "the file is empty; expected a JSON object", 0);
            }

            var root = parser.ParseValue(0);
            if (root is not null)
            {
                parser.SkipWhitespace();
                if (parser.position < text.Length)
                {
                    parser.Fail("unexpected text after the end of the JSON value");
                    root = null;
                }
            }

            return new JsonParseResult(root, parser.error, parser.errorOffset);
        }

        private JsonNode? ParseValue(int depth)
        {
            if (depth > MaxDepth)
            {
                return Fail($"nesting deeper than {MaxDepth} levels");
            }

            if (position >= text.Length)
            {
                return Fail("unexpected end of file; expected a value");
            }

            var start = position;
            switch (text[position])
            {
                case '{':
                    return ParseObject(depth);
                case '[':
                    return ParseArray(depth);
                case '"':
                    var value = ParseString();
                    return value is null ? null : new JsonNode(JsonKind.String, start, value);
                case 't':
                    return ParseWord("true", JsonKind.True);
                case 'f':
                    return ParseWord("false", JsonKind.False);
                case 'n':
                    return ParseWord("null", JsonKind.Null);
                case '/':
                    return Fail("comments are not allowed in JSON");
                default:
                    if (text[position] == '-' || (text[position] >= '0' && text[position] <= '9'))
                    {
                        return ParseNumber();
                    }

                    return Fail($"unexpected character '{Printable(text[position])}'; expected a value");
            }
        }

        private JsonNode? ParseObject(int depth)
        {
            var start = position++;
            var properties = new List<JsonProperty>();
            SkipWhitespace();
            if (Peek() == '}')
            {
                position++;
                return new JsonNode(JsonKind.Object, start, properties: properties);
            }

            while (true)
            {
                SkipWhitespace();
                if (Peek() != '"')
                {
                    return Fail(Peek() == '}' ? "trailing comma before '}'" : Expected("expected a property name in double quotes"));
                }

                var nameStart = position;
                var name = ParseString();
                if (name is null)
                {
                    return null;
                }

                SkipWhitespace();
                if (Peek() != ':')
                {
                    return Fail($"expected ':' after the property name \"{name}\"");
                }

                position++;
                SkipWhitespace();
                var value = ParseValue(depth + 1);
                if (value is null)
                {
                    return null;
                }

                properties.Add(new JsonProperty(name, nameStart, value));
                SkipWhitespace();
                var next = Peek();
                position++;
                if (next == '}')
                {
                    return new JsonNode(JsonKind.Object, start, properties: properties);
                }

                if (next != ',')
                {
                    position--;
                    return Fail(position >= text.Length ? "unexpected end of file; expected ',' or '}'" : Expected("expected ',' or '}' after a property value"));
                }
            }
        }

        private JsonNode? ParseArray(int depth)
        {
            var start = position++;
            var items = new List<JsonNode>();
            SkipWhitespace();
            if (Peek() == ']')
            {
                position++;
                return new JsonNode(JsonKind.Array, start, items: items);
            }

            while (true)
            {
                SkipWhitespace();
                if (Peek() == ']')
                {
                    return Fail("trailing comma before ']'");
                }

                var item = ParseValue(depth + 1);
                if (item is null)
                {
                    return null;
                }

                items.Add(item);
                SkipWhitespace();
                var next = Peek();
                position++;
                if (next == ']')
                {
                    return new JsonNode(JsonKind.Array, start, items: items);
                }

                if (next != ',')
                {
                    position--;
                    return Fail(position >= text.Length ? "unexpected end of file; expected ',' or ']'" : Expected("expected ',' or ']' after an array item"));
                }
            }
        }

        private string? ParseString()
        {
            position++;
            StringBuilder? builder = null;
            var runStart = position;
            while (position < text.Length)
            {
                var c = text[position];
                if (c == '"')
                {
                    var run = text.Substring(runStart, position - runStart);
                    position++;
                    return builder is null ? run : builder.Append(run).ToString();
                }

                if (c < ' ')
                {
                    Fail(c == '\n' || c == '\r' ? "unterminated string" : "control character in a string; escape it");
                    return null;
                }

                if (c != '\\')
                {
                    position++;
                    continue;
                }

                builder ??= new StringBuilder();
                builder.Append(text, runStart, position - runStart);
                if (position + 1 >= text.Length)
                {
                    break;
                }

                var escape = text[position + 1];
                switch (escape)
                {
                    case '"': builder.Append('"'); break;
                    case '\\': builder.Append('\\'); break;
                    case '/': builder.Append('/'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'u':
                        if (position + 6 > text.Length
                            || !int.TryParse(text.Substring(position + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                        {
                            Fail("invalid \\u escape; expected four hex digits");
                            return null;
                        }

                        builder.Append((char)code);
                        position += 4;
                        break;
                    default:
                        Fail($"invalid escape '\\{Printable(escape)}'");
                        return null;
                }

                position += 2;
                runStart = position;
            }

            Fail("unexpected end of file inside a string");
            return null;
        }

        private JsonNode? ParseNumber()
        {
            var start = position;
            if (Peek() == '-')
            {
                position++;
            }

            if (!SkipDigits())
            {
                return Fail("invalid number");
            }

            if (Peek() == '.')
            {
                position++;
                if (!SkipDigits())
                {
                    return Fail("invalid number; expected digits after '.'");
                }
            }

            if (Peek() == 'e' || Peek() == 'E')
            {
                position++;
                if (Peek() == '+' || Peek() == '-')
                {
                    position++;
                }

                if (!SkipDigits())
                {
                    return Fail("invalid number; expected digits in the exponent");
                }
            }

            return new JsonNode(JsonKind.Number, start, text.Substring(start, position - start));
        }

        private bool SkipDigits()
        {
            var start = position;
            while (position < text.Length && text[position] >= '0' && text[position] <= '9')
            {
                position++;
            }

            return position > start;
        }

        private JsonNode? ParseWord(string word, JsonKind kind)
        {
            if (string.CompareOrdinal(text, position, word, 0, word.Length) != 0)
            {
                return Fail($"unexpected word; expected a value (strings need double quotes)");
            }

            var start = position;
            position += word.Length;
            return new JsonNode(kind, start);
        }

        private void SkipWhitespace()
        {
            while (position < text.Length && (text[position] == ' ' || text[position] == '\t' || text[position] == '\n' || text[position] == '\r'))
            {
                position++;
            }
        }

        // Comments are the most common reason a hand-written JSON file is invalid; say so instead of a generic message.
        private string Expected(string message) => Peek() == '/' ? "comments are not allowed in JSON" : message;

        private char Peek() => position < text.Length ? text[position] : '\0';

        private JsonNode? Fail(string message)
        {
            if (error is null)
            {
                error = message;
                errorOffset = position > text.Length ? text.Length : position;
            }

            return null;
        }

        private static string Printable(char c) => c < ' ' || c > '~' ? "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) : c.ToString();
    }
}
