using System;
using System.Collections.Generic;
using System.IO;
using LaunchReady.Detection;
using LaunchReady.Tasks.Infrastructure;

namespace LaunchReady.Tasks.Bundles
{
    /// <summary>
    /// LR1010 in text files of any size: provider-format secrets and the real values of manifest
    /// secrets. The file is read in chunks that overlap by more than the longest secret, so a token
    /// that straddles a read boundary is still seen whole; each finding is reported once, by the
    /// chunk it starts in. Bytes are read as Latin-1 (one char per byte) so offsets stay byte offsets
    /// and non-UTF-8 text cannot fail decoding.
    /// </summary>
    public sealed class TextBundleScanner
    {
        public const int DefaultChunkSize = 4 * 1024 * 1024;

        // Longer than any token the detector reports (a PEM private key body is the longest, about 3.3 KB for RSA 4096).
        public const int Overlap = 16 * 1024;

        private readonly IReadOnlyList<SecretNeedle> needles;
        private readonly int chunkSize;

        // Kept between files: a scanner scans one file at a time.
        private byte[] reusable = new byte[0];

        public TextBundleScanner(IReadOnlyList<SecretNeedle> needles, int chunkSize = DefaultChunkSize)
        {
            this.needles = needles;
            this.chunkSize = Math.Max(chunkSize, Overlap * 2);
        }

        /// <summary>Scans a stream; findings carry byte offsets in it, in increasing order.</summary>
        public List<BundleHit> Scan(Stream stream)
        {
            var hits = new List<BundleHit>();
            // Small files get a small buffer: a fresh 4 MB array per file costs more than reading the file.
            var size = stream.CanSeek ? (int)Math.Min(chunkSize, Math.Max(stream.Length + 1, Overlap * 2)) : chunkSize;
            var buffer = size <= reusable.Length ? reusable : (reusable = new byte[size]);
            long bufferStart = 0;
            var filled = 0;
            var reported = -1L;
            var lines = new LineTracker();
            while (true)
            {
                var read = ReadFully(stream, buffer, filled, buffer.Length - filled);
                filled += read;
                var last = read == 0 || filled < buffer.Length;
                if (filled == 0)
                {
                    break;
                }

                // Findings that start in the overlap are left to the next chunk, which sees them whole.
                var limit = last ? filled : filled - Overlap;
                ScanChunk(buffer, filled, bufferStart, limit, hits, ref reported, lines);
                lines.AdvanceTo(buffer, bufferStart, bufferStart + limit);
                if (last)
                {
                    break;
                }

                Array.Copy(buffer, filled - Overlap, buffer, 0, Overlap);
                bufferStart += filled - Overlap;
                filled = Overlap;
            }

            return hits;
        }

        private void ScanChunk(byte[] buffer, int length, long bufferStart, int limit, List<BundleHit> hits, ref long reported, LineTracker lines)
        {
            var found = new List<BundleHit>();
            var providers = SecretDetector.ScanBuffer(buffer, length);
            if (providers is not null)
            {
                foreach (var finding in providers)
                {
                    found.Add(new BundleHit(
                        TaskRules.SecretInBundle.Id,
                        bufferStart + finding.Start,
                        $"{finding.Provider} '{finding.Redacted}' is in a file every visitor downloads; remove it from the client build and rotate it",
                        finding.Redacted.Fingerprint));
                }
            }

            foreach (var needle in needles)
            {
                for (var at = IndexOf(buffer, length, needle, 0); at >= 0; at = IndexOf(buffer, length, needle, at + needle.Bytes.Length))
                {
                    found.Add(new BundleHit(
                        TaskRules.SecretInBundle.Id,
                        bufferStart + at,
                        $"The {needle.Form}value of the secret variable '{needle.Variable}' ({needle.Redacted}) is in a file every visitor downloads; keep it on the server and rotate it",
                        needle.Redacted.Fingerprint));
                }
            }

            found.Sort((a, b) => a.Offset.CompareTo(b.Offset));
            foreach (var hit in found)
            {
                if (hit.Offset > reported && hit.Offset < bufferStart + limit)
                {
                    var (line, column) = lines.AdvanceTo(buffer, bufferStart, hit.Offset);
                    hits.Add(hit.At(line, column));
                    reported = hit.Offset;
                }
            }
        }

        // Array.IndexOf on bytes is vectorised by the runtime: look for the needle's rarest byte, then compare in full.
        private static int IndexOf(byte[] buffer, int length, SecretNeedle needle, int from)
        {
            var bytes = needle.Bytes;
            var pivot = needle.Pivot;
            var first = from + pivot;
            var last = length - bytes.Length + pivot;
            for (var at = first <= last ? Array.IndexOf(buffer, bytes[pivot], first, last - first + 1) : -1; at >= 0; at = at < last ? Array.IndexOf(buffer, bytes[pivot], at + 1, last - at) : -1)
            {
                var start = at - pivot;
                var k = 0;
                while (k < bytes.Length && buffer[start + k] == bytes[k])
                {
                    k++;
                }

                if (k == bytes.Length)
                {
                    return start;
                }
            }

            return -1;
        }

        private static int ReadFully(Stream stream, byte[] buffer, int offset, int count)
        {
            var total = 0;
            while (total < count)
            {
                var read = stream.Read(buffer, offset + total, count - total);
                if (read == 0)
                {
                    break;
                }

                total += read;
            }

            return total;
        }
    }
}
