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
            if (!IsCredentialLike(value, options, out var entropy))
            {
                return null;
            }

            var confidence = value.Length >= 20 && entropy >= 3.5 ? Confidence.High : Confidence.Medium;
            return new SecretFinding(SecretKind.Generic, ruleName, "credential", 0, value.Length, confidence, RedactedSecret.Of(value), string.Empty);
        }

        /// <summary>
        /// Whether <see cref="EvaluateValue"/> would score the value, without building the finding (whose
        /// fingerprint is a hash): the question an analyzer asks of every one-word string constant.
        /// </summary>
        public static bool IsCredentialLike(string value, GenericSecretOptions options) => IsCredentialLike(value, options, out _);

        private static bool IsCredentialLike(string value, GenericSecretOptions options, out double entropy)
        {
            entropy = 0;

            // Cheapest rejections first.
            if (value.Length < options.MinLength || value.Length > MaxLength || IsNameRouteOrProse(value) || IsDateTimeFormat(value) || IsEncodedMedia(value))
            {
                return false;
            }

            entropy = Entropy.BitsPerCharacter(value);
            var threshold = Math.Min(options.MinEntropy, Math.Log(value.Length, 2) - 0.5);
            return entropy >= threshold && Entropy.CharacterClasses(value) >= 2 && !Placeholders.IsPlaceholder(value);
        }

        /// <summary>Passwords in connection strings (<c>Password=</c>, <c>Pwd=</c>), with their spans in <paramref name="text"/>.</summary>
        public static List<SecretFinding>? FindConnectionStringPasswords(string text)
        {
            if (text.IndexOf('=') < 0
                || (text.IndexOf("password", StringComparison.OrdinalIgnoreCase) < 0 && text.IndexOf("pwd", StringComparison.OrdinalIgnoreCase) < 0))
            {
                return null;
            }

            // StackExchange.Redis and Azure Cache for Redis separate options with commas.
            var separator = text.IndexOf(';') < 0 && text.IndexOf(',') >= 0 ? ',' : ';';
            List<SecretFinding>? findings = null;
            foreach (var part in ConnectionStringReader.Read(text, separator))
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

        // "X-Api-Token", "reset-password", "/account/password", "Please enter your password", "Bearer",
        // "auth/refresh-token", "AUTH_001", "refresh-token:v2", "keys/service-account.json", "^(?=.*\d).{8,}$"
        private static bool IsNameRouteOrProse(string value)
        {
            if (value.IndexOf(' ') >= 0 || value.IndexOf('\t') >= 0 || value.IndexOf('\n') >= 0
                || value.StartsWith("/", StringComparison.Ordinal) || value.StartsWith("~/", StringComparison.Ordinal)
                || value.IndexOf("://", StringComparison.Ordinal) >= 0)
            {
                return true;
            }

            return IsSeparatedWords(value) || IsRoute(value) || IsCode(value) || IsFilePath(value) || IsRegex(value);
        }

        // Identifier-like segments joined by separators, each either a word or a short token: "Auth0:ApiKey", "cart:v2:id", ".AspNetCore.Af.v2".
        private static bool IsSeparatedWords(string value)
        {
            var segments = 0;
            var hasWord = false;
            var hasDigit = false;
            var segmentLength = 0;
            var letters = 0;
            for (var i = 0; i <= value.Length; i++)
            {
                var c = i < value.Length ? value[i] : '-';
                if (c == '-' || c == '_' || c == '.' || c == ':' || c == '{' || c == '}' || c == '/')
                {
                    if (segmentLength > 0)
                    {
                        segments++;
                        hasWord |= letters == segmentLength && segmentLength >= 3;
                        // A long segment of words ("TimeoutSeconds" in "Partners:Api2:TimeoutSeconds") keeps the value a
                        // name; any other long segment decides on its own.
                        if (segmentLength > 12 && !(letters == segmentLength && IsWords(value, i - segmentLength, segmentLength)))
                        {
                            return !hasDigit && letters == segmentLength && AllLettersAndSeparators(value);
                        }
                    }

                    segmentLength = 0;
                    letters = 0;
                }
                else if (char.IsLetterOrDigit(c))
                {
                    segmentLength++;
                    letters += char.IsLetter(c) ? 1 : 0;
                    hasDigit |= char.IsDigit(c);
                }
                else
                {
                    return false;
                }
            }

            return !hasDigit || (hasWord && segments >= 2);
        }

        // Lower-case or CamelCase words: at most a third of the letters upper case, never two in a row after the first.
        private static bool IsWords(string value, int start, int length)
        {
            var upper = 0;
            for (var i = start; i < start + length; i++)
            {
                if (char.IsUpper(value[i]))
                {
                    upper++;
                    if (i > start + 1 && char.IsUpper(value[i - 1]))
                    {
                        return false;
                    }
                }
            }

            return upper * 3 <= length;
        }

        private static bool AllLettersAndSeparators(string value)
        {
            foreach (var c in value)
            {
                if (!(char.IsLetter(c) || c == '-' || c == '_' || c == '.' || c == ':'))
                {
                    return false;
                }
            }

            return true;
        }

        // api/v1/tokens/revoke: lower-case segments separated by slashes.
        private static bool IsRoute(string value)
        {
            if (value.IndexOf('/') < 0)
            {
                return false;
            }

            foreach (var c in value)
            {
                if (!(char.IsLower(c) || char.IsDigit(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '{' || c == '}' || c == ':'))
                {
                    return false;
                }
            }

            return true;
        }

        // AUTH_001, USR-4010, E_APIKEY_401: upper-case codes.
        private static bool IsCode(string value)
        {
            var separator = false;
            foreach (var c in value)
            {
                if (char.IsLower(c))
                {
                    return false;
                }

                separator |= c == '_' || c == '-' || c == '.';
                if (!(char.IsUpper(c) || char.IsDigit(c) || c == '_' || c == '-' || c == '.'))
                {
                    return false;
                }
            }

            return separator;
        }

        private const string DateTimeFormatCharacters = "yMdHhmsfFtzKgTZ:-/.,'_";

        // yyyy-MM-dd'T'HH:mm:ss.fffK: a date format, only format letters and separators.
        private static bool IsDateTimeFormat(string value)
        {
            if (value.IndexOf("yy", StringComparison.Ordinal) < 0 && value.IndexOf("HH", StringComparison.Ordinal) < 0 && value.IndexOf("hh", StringComparison.Ordinal) < 0)
            {
                return false;
            }

            foreach (var c in value)
            {
                if (DateTimeFormatCharacters.IndexOf(c) < 0)
                {
                    return false;
                }
            }

            return true;
        }

        // Base64 of a PNG, JPEG, GIF, PDF, RIFF (WebP, WAV) or SVG file, or a data URI: an embedded file, not a key.
        private static readonly string[] EncodedMediaPrefixes = { "iVBORw0KGgo", "/9j/", "R0lGOD", "JVBERi0", "UklGR", "PHN2Zy", "PD94bWwg", "data:" };

        private static bool IsEncodedMedia(string value)
        {
            foreach (var prefix in EncodedMediaPrefixes)
            {
                if (value.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        private static readonly string[] KeyFileExtensions = { ".json", ".pem", ".pfx", ".p12", ".key", ".crt", ".cer", ".jks", ".txt" };

        // keys/service-account.json: where a credential is, not the credential.
        private static bool IsFilePath(string value)
        {
            foreach (var extension in KeyFileExtensions)
            {
                if (value.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsRegex(string value) =>
            (value.StartsWith("^", StringComparison.Ordinal) && value.EndsWith("$", StringComparison.Ordinal))
            || value.IndexOf("(?=", StringComparison.Ordinal) >= 0
            || value.IndexOf("(?!", StringComparison.Ordinal) >= 0;
    }
}
