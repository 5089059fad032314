using System.Collections.Generic;
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

        /// <summary>An object's property; null when the node is missing, not an object, or has no such property.</summary>
        public static JsonNode? Property(JsonNode? node, string name)
        {
            if (node is null || node.Kind != JsonKind.Object)
            {
                return null;
            }

            foreach (var property in node.Properties)
            {
                if (property.Name == name)
                {
                    return property.Value;
                }
            }

            return null;
        }

        /// <summary>The string value of an object's property, or null when it is missing or not a string.</summary>
        public static string? StringProperty(JsonNode? node, string name) =>
            Property(node, name) is { Kind: JsonKind.String } value ? value.Text : null;

        /// <summary>The integer value of an object's property, or 0 when it is missing or not an integer.</summary>
        public static int IntProperty(JsonNode? node, string name) =>
            Property(node, name) is { Kind: JsonKind.Number } value
            && int.TryParse(value.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
                ? number
                : 0;

        /// <summary>The items of an array property; empty when it is missing or not an array.</summary>
        public static List<JsonNode> ArrayProperty(JsonNode? node, string name) =>
            Property(node, name) is { Kind: JsonKind.Array } value ? value.Items : new List<JsonNode>();
    }
}
