namespace LaunchReady.Detection.Manifest
{
    /// <summary>A 1-based line and column, as MSBuild and editors count them.</summary>
    public readonly struct TextPosition
    {
        public TextPosition(int line, int column)
        {
            Line = line;
            Column = column;
        }

        public int Line { get; }

        public int Column { get; }

        public static TextPosition Of(string text, int offset)
        {
            var line = 1;
            var lineStart = 0;
            var end = offset < text.Length ? offset : text.Length;
            for (var i = 0; i < end; i++)
            {
                if (text[i] == '\n')
                {
                    line++;
                    lineStart = i + 1;
                }
            }

            // A byte-order mark is not a column anyone sees.
            var column = end - lineStart + 1;
            if (lineStart == 0 && text.Length > 0 && text[0] == '\uFEFF' && end > 0)
            {
                column--;
            }

            return new TextPosition(line, column);
        }
    }
}
