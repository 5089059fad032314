using System;
using System.Security.Cryptography;
using System.Text;

namespace LaunchReady.Detection
{
    /// <summary>
    /// What may be shown of a secret: at most four leading characters, its length and a stable
    /// fingerprint (the first 8 hex digits of its SHA-256). Never the value itself.
    /// </summary>
    public readonly struct RedactedSecret
    {
        public const int MaxPrefixLength = 4;

        private RedactedSecret(string prefix, int length, string fingerprint)
        {
            Prefix = prefix;
            Length = length;
            Fingerprint = fingerprint;
        }

        /// <summary>Up to 4 leading characters; fewer for short values, so most of the secret stays hidden.</summary>
        public string Prefix { get; }

        public int Length { get; }

        /// <summary>8 lower-case hex digits of SHA-256(value): stable across builds, usable in allowlists and baselines.</summary>
        public string Fingerprint { get; }

        public static RedactedSecret Of(string value)
        {
            // Short values show less, so that a prefix never reveals a meaningful share of the secret.
            var shown = Math.Min(MaxPrefixLength, value.Length / 4);
            return new RedactedSecret(value.Substring(0, shown), value.Length, FingerprintOf(value));
        }

        public static string FingerprintOf(string value)
        {
            using var sha = SHA256.Create();
            var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(value));
            var builder = new StringBuilder(8);
            for (var i = 0; i < 4; i++)
            {
                builder.Append(hash[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }

            return builder.ToString();
        }

        /// <summary>For example <c>sk_l… (107 chars, fingerprint 1a2b3c4d)</c>.</summary>
        public override string ToString() => $"{Prefix}… ({Length} chars, fingerprint {Fingerprint})";
    }
}
