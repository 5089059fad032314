using System.Collections.Generic;

namespace LaunchReady.Detection.Json
{
    public enum JsonKind
    {
        Object,
        Array,
        String,
        Number,
        True,
        False,
        Null,
    }

    /// <summary>A JSON value with the offset where it starts, so every problem can point at its exact spot.</summary>
    public sealed class JsonNode
    {
        private static readonly List<JsonProperty> NoProperties = new List<JsonProperty>();
        private static readonly List<JsonNode> NoItems = new List<JsonNode>();

        public JsonNode(JsonKind kind, int start, string? text = null, List<JsonProperty>? properties = null, List<JsonNode>? items = null)
        {
            Kind = kind;
            Start = start;
            Text = text;
            Properties = properties ?? NoProperties;
            Items = items ?? NoItems;
        }

        public JsonKind Kind { get; }

        /// <summary>Offset of the value's first character (the opening quote of a string).</summary>
        public int Start { get; }

        /// <summary>The decoded value of a string, the literal text of a number; null otherwise.</summary>
        public string? Text { get; }

        /// <summary>An object's properties in file order, duplicates included (JSON allows them; callers decide).</summary>
        public List<JsonProperty> Properties { get; }

        public List<JsonNode> Items { get; }

        public bool IsBoolean => Kind == JsonKind.True || Kind == JsonKind.False;

        /// <summary>How the kind reads in a message: "a string", "an array".</summary>
        public string Describe() => Kind switch
        {
            JsonKind.Object => "an object",
            JsonKind.Array => "an array",
            JsonKind.String => "a string",
            JsonKind.Number => "a number",
            JsonKind.Null => "null",
            _ => "a boolean",
        };
    }

    public sealed class JsonProperty
    {
        public JsonProperty(string name, int nameStart, JsonNode value)
        {
            Name = name;
            NameStart = nameStart;
            Value = value;
        }

        public string Name { get; }

        /// <summary>Offset of the opening quote of the name.</summary>
        public int NameStart { get; }

        public JsonNode Value { get; }
    }
}
