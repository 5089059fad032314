using System;

namespace LaunchReady.Tasks.Bundles
{
    /// <summary>LR1011: a source map that carries the original sources (<c>sourcesContent</c> with at least one string).</summary>
    public static class SourceMaps
    {
        private static readonly byte[] Key = System.Text.Encoding.ASCII.GetBytes("\"sourcesContent\"");

        /// <summary>Offset of the <c>"sourcesContent"</c> key when it holds a source, else -1.</summary>
        public static int EmbeddedSourcesOffset(byte[] bytes, int length)
        {
            for (var at = ByteSearch.IndexOf(bytes, length, Key, 0); at >= 0; at = ByteSearch.IndexOf(bytes, length, Key, at + 1))
            {
                // "sourcesContent": [null, null, "..."] - any string means sources are embedded.
                var i = SkipSpace(bytes, length, at + Key.Length);
                if (i >= length || bytes[i] != (byte)':')
                {
                    continue;
                }

                i = SkipSpace(bytes, length, i + 1);
                if (i >= length || bytes[i] != (byte)'[')
                {
                    continue;
                }

                for (i++; i < length; i++)
                {
                    var b = bytes[i];
                    if (b == (byte)'"')
                    {
                        return at;
                    }

                    if (b == (byte)']')
                    {
                        break;
                    }
                }
            }

            return -1;
        }

        private static int SkipSpace(byte[] bytes, int length, int i)
        {
            while (i < length && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\n' || bytes[i] == '\r'))
            {
                i++;
            }

            return i;
        }
    }
}
