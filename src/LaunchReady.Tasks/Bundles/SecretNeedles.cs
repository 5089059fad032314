using System;
using System.Collections.Generic;
using System.Text;
using LaunchReady.Detection;
using LaunchReady.Detection.Manifest;

namespace LaunchReady.Tasks.Bundles
{
    /// <summary>One form of a real secret value to look for: as is, URL-encoded, or base64 at any alignment.</summary>
    public sealed class SecretNeedle
    {
        public SecretNeedle(string variable, string text, string form, RedactedSecret redacted)
        {
            Variable = variable;
            Text = text;
            Bytes = SecretNeedles.Latin1.GetBytes(text);

            Form = form;
            Redacted = redacted;
            Pivot = RarestByte(Bytes);
        }

        // Rough frequency ranks in source text and bundles: lower-case letters and punctuation are common,
        // digits, upper-case letters and bytes outside ASCII much less so.
        private const string Common = " etaoinsrlcdhupmfgyb.,;:=()\"'/_-{}[]\n\t";

        public string Variable { get; }

        /// <summary>The bytes to find, one char per byte (the scanner reads files as Latin-1 so offsets stay byte offsets).</summary>
        public string Text { get; }

        public byte[] Bytes { get; }

        /// <summary>Index of the byte searched for first: the one least likely to occur in ordinary text.</summary>
        public int Pivot { get; }

        /// <summary>"", "URL-encoded ", "base64-encoded ": how the value appears, for messages.</summary>
        public string Form { get; }

        public RedactedSecret Redacted { get; }

        private static int RarestByte(byte[] bytes)
        {
            var best = 0;
            var bestRank = int.MinValue;
            for (var i = 0; i < bytes.Length; i++)
            {
                var common = Common.IndexOf((char)bytes[i]);
                var rank = common < 0 ? (bytes[i] >= 0x80 ? 1000 : bytes[i] >= 'A' && bytes[i] <= 'Z' ? 600 : 500) : 100 - common;
                if (rank > bestRank)
                {
                    best = i;
                    bestRank = rank;
                }
            }

            return best;
        }
    }

    /// <summary>
    /// Builds the needles for LR1010's exact-value check from the manifest's secret variables and the
    /// values present in the build's environment. Values stay in memory, in this process; only their
    /// redacted form ever reaches a message.
    /// </summary>
    public static class SecretNeedles
    {
        // One char per byte: needles are compared with file bytes, and a value's UTF-8 bytes map one to one.
        internal static readonly Encoding Latin1 = Encoding.GetEncoding(28591);

        // Shorter values ("1", "true", "dev") would match everywhere and are not credentials.
        private const int MinLength = 8;

        public static List<SecretNeedle> From(EnvManifest? manifest, Func<string, string?> environment)
        {
            var needles = new List<SecretNeedle>();
            if (manifest is null)
            {
                return needles;
            }

            foreach (var variable in manifest.Variables)
            {
                if (!variable.Secret)
                {
                    continue;
                }

                var value = environment(variable.Name);
                if (string.IsNullOrEmpty(value))
                {
                    value = environment(variable.ConfigurationKey);
                }

                if (value is null || value.Length < MinLength || Placeholders.IsPlaceholder(value))
                {
                    continue;
                }

                AddForms(needles, variable.Name, value);
            }

            return needles;
        }

        public static void AddForms(List<SecretNeedle> needles, string variable, string value)
        {
            var redacted = RedactedSecret.Of(value);
            var utf8 = Encoding.UTF8.GetBytes(value);
            var raw = Latin1.GetString(utf8);
            Add(needles, new SecretNeedle(variable, raw, string.Empty, redacted));

            var escaped = Uri.EscapeDataString(value);
            if (escaped != value)
            {
                Add(needles, new SecretNeedle(variable, escaped, "URL-encoded ", redacted));
            }

            // Inside a larger base64 blob the value's encoding depends on its offset modulo 3: encode
            // it behind 0, 1 and 2 filler bytes and keep only the characters that do not depend on them.
            for (var shift = 0; shift < 3; shift++)
            {
                var shifted = new byte[shift + utf8.Length];
                Array.Copy(utf8, 0, shifted, shift, utf8.Length);
                var encoded = Convert.ToBase64String(shifted);
                var skip = shift == 0 ? 0 : (shift + 1);
                var keep = ((shift + utf8.Length) / 3 * 4) - skip;
                if (keep >= MinLength)
                {
                    var stable = encoded.Substring(skip, keep);
                    Add(needles, new SecretNeedle(variable, stable, "base64-encoded ", redacted));
                    var urlSafe = stable.Replace('+', '-').Replace('/', '_');
                    if (urlSafe != stable)
                    {
                        Add(needles, new SecretNeedle(variable, urlSafe, "base64url-encoded ", redacted));
                    }
                }
            }
        }

        private static void Add(List<SecretNeedle> needles, SecretNeedle needle)
        {
            if (!needles.Exists(n => n.Text == needle.Text))
            {
                needles.Add(needle);
            }
        }
    }
}
