using System;

namespace LaunchReady.Tasks.Bundles
{
    internal static class ByteSearch
    {
        /// <summary>First offset of <paramref name="needle"/> in the first <paramref name="length"/> bytes at or after <paramref name="from"/>; -1 when absent.</summary>
        public static int IndexOf(byte[] haystack, int length, byte[] needle, int from)
        {
            var last = length - needle.Length;
            for (var at = from <= last ? Array.IndexOf(haystack, needle[0], from, last - from + 1) : -1; at >= 0; at = at < last ? Array.IndexOf(haystack, needle[0], at + 1, last - at) : -1)
            {
                var k = 1;
                while (k < needle.Length && haystack[at + k] == needle[k])
                {
                    k++;
                }

                if (k == needle.Length)
                {
                    return at;
                }
            }

            return -1;
        }
    }
}
