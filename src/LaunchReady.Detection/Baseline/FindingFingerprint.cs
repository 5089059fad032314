using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LaunchReady.Detection.Baseline
{
    /// <summary>
    /// The identity of a finding that survives edits elsewhere in the file: the rule, the file's path
    /// relative to the baseline and a hash of the flagged code with its whitespace removed. Line numbers
    /// are left out on purpose, so moving code around keeps a baselined finding baselined. Only hashes
    /// are kept: a flagged literal may be the secret itself.
    /// </summary>
    public static class FindingFingerprint
    {
        /// <summary>Hash of the flagged text, ignoring whitespace (re-indenting or re-wrapping changes nothing).</summary>
        public static string OfSnippet(string text)
        {
            var builder = new StringBuilder(Math.Min(text.Length, 4096));
            foreach (var c in text)
            {
                if (!char.IsWhiteSpace(c))
                {
                    builder.Append(c);
                }
            }

            return Hash(builder.ToString());
        }

        public static string Of(string ruleId, string relativePath, string snippetFingerprint) =>
            Hash(ruleId.ToUpperInvariant() + "\n" + relativePath + "\n" + snippetFingerprint);

        /// <summary>
        /// <paramref name="path"/> relative to <paramref name="baseDirectory"/> with forward slashes, with
        /// "../" for files beside it (a manifest kept at the repository root), so the baseline holds on
        /// every clone; a path on another drive, or a generated file's hint path, is kept whole.
        /// </summary>
        public static string RelativePath(string path, string? baseDirectory)
        {
            var normalized = path.Replace('\\', '/');
            if (string.IsNullOrEmpty(baseDirectory) || !IsRooted(normalized))
            {
                return normalized;
            }

            var root = baseDirectory!.Replace('\\', '/').TrimEnd('/') + "/";
            if (normalized.StartsWith(root, StringComparison.OrdinalIgnoreCase))
            {
                return normalized.Substring(root.Length);
            }

            var fileParts = normalized.Split('/');
            var baseParts = root.TrimEnd('/').Split('/');
            var common = 0;
            while (common < fileParts.Length - 1 && common < baseParts.Length && string.Equals(fileParts[common], baseParts[common], StringComparison.OrdinalIgnoreCase))
            {
                common++;
            }

            // Only the empty segment before a leading '/' (or nothing at all) is shared: nothing to be relative to.
            if (common == 0 || (common == 1 && fileParts[0].Length == 0))
            {
                return normalized;
            }

            var builder = new StringBuilder();
            for (var i = common; i < baseParts.Length; i++)
            {
                builder.Append("../");
            }

            return builder.Append(string.Join("/", fileParts, common, fileParts.Length - common)).ToString();
        }

        private static bool IsRooted(string path) =>
            path.StartsWith("/", StringComparison.Ordinal) || (path.Length > 2 && path[1] == ':' && path[2] == '/');

        [ThreadStatic]
        private static SHA256? t_hasher;

        private static string Hash(string text)
        {
            // One hasher per thread: every finding is fingerprinted, and creating one costs more than hashing a line.
            var sha = t_hasher ??= SHA256.Create();
            var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
            var builder = new StringBuilder(16);
            for (var i = 0; i < 8; i++)
            {
                builder.Append(hash[i].ToString("x2", CultureInfo.InvariantCulture));
            }

            return builder.ToString();
        }
    }
}
