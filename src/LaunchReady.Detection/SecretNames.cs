using System;
using System.Collections.Generic;

namespace LaunchReady.Detection
{
    /// <summary>
    /// Decides whether a name (field, property, parameter, configuration key, environment variable)
    /// is the name of a secret. The secret word must be what the name is about — its last word —
    /// so <c>Password</c> and <c>StripeSecretKey</c> are secret-named while <c>passwordQuestion</c>,
    /// <c>tokenEndpoint</c>, <c>apiKeyHeaderName</c> and <c>secretName</c> only mention one. A
    /// configuration path is read by its last two segments, so <c>Jwt:Key</c> is a JWT key.
    /// </summary>
    public sealed class SecretNames
    {
        private static readonly string[] DefaultHeads =
        {
            "password", "passwd", "pwd", "passphrase", "pass", "secret", "secrets", "token", "tokens", "credential",
            "credentials", "creds", "apikey", "apikeys", "pat", "privatekey", "clientsecret", "accesskey", "secretkey",
            "accesstoken", "authtoken", "refreshtoken", "bearertoken", "apitoken", "apisecret", "sastoken", "pem", "pepper",
        };

        // Words that make "key" a secret: ApiKey, SigningKey, StorageAccountKey. A bare "Key" is not.
        private static readonly string[] KeyQualifiers =
        {
            "api", "access", "secret", "private", "signing", "encryption", "master", "shared", "account", "client",
            "app", "application", "subscription", "hmac", "jwt", "auth", "storage", "primary", "secondary",
            "webhook", "admin", "server", "consumer", "aes", "session", "license", "sas", "crypto", "cipher",
            "security", "validation", "decryption", "master",
        };

        // Endings that describe how the secret is stored, not what the name is about: ApiKeyValue, PasswordString.
        private static readonly string[] Transparent =
        {
            "value", "string", "str", "text", "raw", "b64", "base64", "hex", "bytes", "utf8", "encoded", "plain", "plaintext", "cleartext",
        };

        // A name with one of these words is about something public: PublicKey, StripePublishableKey.
        private static readonly string[] DefaultNonSecretWords = { "public", "publishable" };

        // Secret words long enough to recognise at the end of an unseparated name: PGPASSWORD, JWTSECRET.
        private static readonly string[] GluedHeads = { "password", "passwd", "secret", "apikey", "token", "credentials" };

        // Fragments every secret-named name contains; a name with none of them is rejected without splitting it.
        private static readonly string[] Stems = { "pass", "pwd", "secret", "token", "key", "cred", "pat", "pem", "pepper", "authorization" };

        private readonly HashSet<string> _heads;
        private readonly HashSet<string> _nonSecret;
        private readonly bool _hasExtraWords;

        public SecretNames(IEnumerable<string>? extraSecretWords = null, IEnumerable<string>? extraNonSecretWords = null)
        {
            _heads = new HashSet<string>(DefaultHeads, StringComparer.Ordinal);
            _nonSecret = new HashSet<string>(DefaultNonSecretWords, StringComparer.Ordinal);
            AddLowered(_heads, extraSecretWords);
            AddLowered(_nonSecret, extraNonSecretWords);
            _hasExtraWords = _heads.Count != DefaultHeads.Length;
        }

        public static SecretNames Default { get; } = new SecretNames();

        public bool IsSecretName(string? name)
        {
            if (string.IsNullOrEmpty(name))
            {
                return false;
            }

            // The Authorization header carries a credential.
            if (string.Equals(name, "Authorization", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (!_hasExtraWords && !ContainsStem(name!))
            {
                return false;
            }

            var words = Split(name!);
            foreach (var word in words)
            {
                if (_nonSecret.Contains(word))
                {
                    return false;
                }
            }

            // "ApiKeyValue", and "ApiKeys:0" (a configuration array element): the words that decide come before.
            var last = words.Count - 1;
            while (last > 0 && (Array.IndexOf(Transparent, words[last]) >= 0 || IsNumber(words[last])))
            {
                last--;
            }

            if (last < 0)
            {
                return false;
            }

            var head = words[last];
            if (_heads.Contains(head))
            {
                return true;
            }

            foreach (var glued in GluedHeads)
            {
                if (head.Length > glued.Length && head.EndsWith(glued, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return (head == "key" || head == "keys") && last > 0 && Array.IndexOf(KeyQualifiers, words[last - 1]) >= 0;
        }

        // One pass over the name (it is asked for most one-word literals' targets, so ten IndexOf calls showed in profiles).
        private static bool ContainsStem(string name)
        {
            for (var i = 0; i < name.Length; i++)
            {
                var first = AsciiLower(name[i]);
                foreach (var stem in Stems)
                {
                    if (stem[0] == first && StemAt(name, i, stem))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool StemAt(string name, int start, string stem)
        {
            if (start + stem.Length > name.Length)
            {
                return false;
            }

            for (var k = 1; k < stem.Length; k++)
            {
                if (AsciiLower(name[start + k]) != stem[k])
                {
                    return false;
                }
            }

            return true;
        }

        private static char AsciiLower(char c) => c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;

        /// <summary>Lower-case words of an identifier or key: "Stripe__SecretKey" gives stripe, secret, key.</summary>
        private static bool IsNumber(string word)
        {
            foreach (var c in word)
            {
                if (c < '0' || c > '9')
                {
                    return false;
                }
            }

            return true;
        }

        public static List<string> Split(string name)
        {
            var words = new List<string>();
            var start = -1;
            for (var i = 0; i <= name.Length; i++)
            {
                var boundary = i == name.Length || !char.IsLetterOrDigit(name[i])
                    || (i > 0 && char.IsUpper(name[i]) && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsUpper(name[i - 1]) && char.IsLower(name[i + 1]))));
                if (boundary && start >= 0)
                {
                    words.Add(name.Substring(start, i - start).ToLowerInvariant());
                    start = -1;
                }

                if (i < name.Length && char.IsLetterOrDigit(name[i]) && start < 0)
                {
                    start = i;
                }
            }

            return words;
        }

        private static void AddLowered(HashSet<string> set, IEnumerable<string>? words)
        {
            if (words is null)
            {
                return;
            }

            foreach (var word in words)
            {
                set.Add(word.Trim().ToLowerInvariant());
            }
        }
    }
}
