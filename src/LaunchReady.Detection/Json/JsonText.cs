using System.Globalization;
using System.Text;

namespace LaunchReady.Detection.Json
{
    /// <summary>Writes JSON string literals; the files we write are small and flat enough not to need a serializer.</summary>
    public static class JsonText
    {
        public static string Quote(string value)
        {
            var builder = new StringBuilder(value.Length + 2);
            builder.Append('"');
            foreach (var c in value)
            {
                switch (c)
                {
                    case '"': builder.Append("\\\""); break;
                    case '\\': builder.Append("\\\\"); break;
                    case '\n': builder.Append("\\n"); break;
                    case '\r': builder.Append("\\r"); break;
                    case '\t': builder.Append("\\t"); break;
                    default:
                        if (c < ' ' || c == '\u2028' || c == '\u2029')
                        {
                            builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            builder.Append(c);
                        }

                        break;
                }
            }

            return builder.Append('"').ToString();
        }

        /// <summary>The string value of an object's property, or null when it is missing or not a string.</summary>
        public static string? StringProperty(JsonNode node, string name)
        {
            foreach (var property in node.Properties)
            {
                if (property.Name == name && property.Value.Kind == JsonKind.String)
                {
                    return property.Value.Text;
                }
            }

            return null;
        }

        public static JsonNode? Property(JsonNode node, string name)
        {
            foreach (var property in node.Properties)
            {
                if (property.Name == name)
                {
                    return property.Value;
                }
            }

            return null;
        }
    }
}
