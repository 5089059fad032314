using System;
using System.Collections.Generic;

namespace LaunchReady.Detection
{
    /// <summary>Thresholds for generic credentials (LR0002, LR0003), set from <c>launchready.secrets.*</c>.</summary>
    public sealed class GenericSecretOptions
    {
        public const int DefaultMinLength = 8;
        public const double DefaultMinEntropy = 3.0;

        public GenericSecretOptions(int minLength = DefaultMinLength, double minEntropy = DefaultMinEntropy)
        {
            MinLength = minLength;
            MinEntropy = minEntropy;
        }

        public static GenericSecretOptions Default { get; } = new GenericSecretOptions();

        public int MinLength { get; }

        /// <summary>Bits per character; short values are held to a lower bar, since their entropy cannot reach it.</summary>
        public double MinEntropy { get; }
    }

    /// <summary>
    /// Credentials recognised by where they are used rather than by their format: a value given to a
    /// secret-named target, or the password of a connection string.
    /// </summary>
    public static class GenericSecrets
    {
        private const int MaxLength = 4096;

        /// <summary>
        /// Scores a value that reaches a secret-named target. Null when it is a placeholder, a name,
        /// a route, prose, or too regular to be a credential.
        /// </summary>
        public static SecretFinding? EvaluateValue(string value, GenericSecretOptions options, string ruleName = "secret-named-value")
        {
            if (value.Length < options.MinLength || value.Length > MaxLength || Placeholders.IsPlaceholder(value) || IsNameRouteOrProse(value))
            {
                return null;
            }

            var entropy = Entropy.BitsPerCharacter(value);
            var threshold = Math.Min(options.MinEntropy, Math.Log(value.Length, 2) - 0.5);
            if (entropy < threshold || Entropy.CharacterClasses(value) < 2)
            {
                return null;
            }

            var confidence = value.Length >= 20 && entropy >= 3.5 ? Confidence.High : Confidence.Medium;
            return new SecretFinding(SecretKind.Generic, ruleName, "credential", 0, value.Length, confidence, RedactedSecret.Of(value), string.Empty);
        }

        /// <summary>Passwords in connection strings (<c>Password=</c>, <c>Pwd=</c>), with their spans in <paramref name="text"/>.</summary>
        public static List<SecretFinding>? FindConnectionStringPasswords(string text)
        {
            if (text.IndexOf('=') < 0
                || (text.IndexOf("password", StringComparison.OrdinalIgnoreCase) < 0 && text.IndexOf("pwd", StringComparison.OrdinalIgnoreCase) < 0))
            {
                return null;
            }

            List<SecretFinding>? findings = null;
            foreach (var part in ConnectionStringReader.Read(text))
            {
                if (!string.Equals(part.Key, "password", StringComparison.OrdinalIgnoreCase) && !string.Equals(part.Key, "pwd", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var start = part.ValueStart;
                var end = part.ValueEnd;
                if (end - start >= 2 && (text[start] == '\'' || text[start] == '"') && text[end - 1] == text[start])
                {
                    start++;
                    end--;
                }

                var password = text.Substring(start, end - start);
                if (!Placeholders.IsTrivialPassword(password))
                {
                    findings ??= new List<SecretFinding>();
                    findings.Add(new SecretFinding(
                        SecretKind.Generic, "connection-string-password", "connection string password", start, end - start,
                        Confidence.High, RedactedSecret.Of(password), string.Empty));
                }
            }

            return findings;
        }

        // "X-Api-Token", "reset-password", "/account/password", "Please enter your password", "Bearer"
        private static bool IsNameRouteOrProse(string value)
        {
            if (value.IndexOf(' ') >= 0 || value.IndexOf('\t') >= 0 || value.IndexOf('\n') >= 0
                || value.StartsWith("/", StringComparison.Ordinal) || value.StartsWith("~/", StringComparison.Ordinal)
                || value.IndexOf("://", StringComparison.Ordinal) >= 0)
            {
                return true;
            }

            // Only letters and separators (no digits or symbols): an identifier, header or route segment.
            foreach (var c in value)
            {
                if (!(char.IsLetter(c) || c == '-' || c == '_' || c == '.' || c == ':'))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
