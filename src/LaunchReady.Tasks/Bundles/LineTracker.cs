using System;

namespace LaunchReady.Tasks.Bundles
{
    /// <summary>
    /// Turns byte offsets of a UTF-8 file read in chunks into 1-based lines and columns (columns count
    /// characters, as editors do, not bytes). Offsets must be asked for in increasing order. Newlines are
    /// found with the runtime's vectorised search and multi-byte characters are counted eight bytes at a
    /// time, so following a 2 MB minified line costs little more than reading it.
    /// </summary>
    internal sealed class LineTracker
    {
        private long position;
        private long lineStart;
        private long continuationBytes;
        private int line = 1;

        /// <summary>Moves to <paramref name="offset"/>, reading the bytes in between from <paramref name="chunk"/> (which starts at <paramref name="chunkStart"/>).</summary>
        public (int Line, int Column) AdvanceTo(byte[] chunk, long chunkStart, long offset)
        {
            var i = (int)(position - chunkStart);
            var end = (int)(offset - chunkStart);
            while (i < end)
            {
                var newline = Array.IndexOf(chunk, (byte)'\n', i, end - i);
                if (newline < 0)
                {
                    break;
                }

                line++;
                i = newline + 1;
                lineStart = chunkStart + i;
                continuationBytes = 0;
            }

            continuationBytes += CountContinuationBytes(chunk, i, end);
            position = offset;
            return (line, (int)(offset - lineStart - continuationBytes) + 1);
        }

        // Bytes 10xxxxxx continue a multi-byte character and do not start a column.
        private static long CountContinuationBytes(byte[] bytes, int start, int end)
        {
            long count = 0;
            var i = start;
            for (; i + 8 <= end; i += 8)
            {
                var word = BitConverter.ToUInt64(bytes, i);
                if ((word & 0x8080808080808080UL) == 0)
                {
                    continue; // ASCII: the common case in bundles
                }

                var continuation = word & ~(word << 1) & 0x8080808080808080UL;
                count += (long)(((continuation >> 7) * 0x0101010101010101UL) >> 56);
            }

            for (; i < end; i++)
            {
                if ((bytes[i] & 0xC0) == 0x80)
                {
                    count++;
                }
            }

            return count;
        }
    }
}
