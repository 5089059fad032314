using System;
using System.Text;

namespace LaunchReady.Detection
{
    /// <summary>Checks shared by the provider formats: checksums, decoding, and "does this look made up".</summary>
    internal static class TokenChecks
    {
        private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

        private static readonly uint[] Crc32Table = BuildCrc32Table();

        // Fragments that mark a documentation value or a placeholder rather than a live key.
        private static readonly string[] MadeUpMarkers =
        {
            "EXAMPLE", "example", "Example", "xxxxx", "XXXXX", "00000000", "11111111", "12345678", "abcdefgh", "ABCDEFGH",
            "placeholder", "PLACEHOLDER", "dummy", "DUMMY", "sample", "SAMPLE", "your", "YOUR", "redacted", "REDACTED",
            "fake", "FAKE", "*****", "-----", "_____", "....",
        };

        /// <summary>
        /// True when a token's variable part could be random: no placeholder fragment, no long run of
        /// one character, and enough distinct characters.
        /// </summary>
        public static bool LooksRandom(string token)
        {
            foreach (var marker in MadeUpMarkers)
            {
                if (token.IndexOf(marker, StringComparison.Ordinal) >= 0)
                {
                    return false;
                }
            }

            var run = 1;
            for (var i = 1; i < token.Length; i++)
            {
                run = token[i] == token[i - 1] ? run + 1 : 1;
                if (run >= 6)
                {
                    return false;
                }
            }

            return Entropy.DistinctCharacters(token) >= Math.Min(10, Math.Max(4, token.Length / 4));
        }

        /// <summary>GitHub (ghp_, gho_, ...) and npm (npm_) tokens end in the base62 CRC32 of their 30 random characters.</summary>
        public static bool HasValidCrc32Suffix(string token)
        {
            var underscore = token.IndexOf('_');
            if (underscore < 0 || token.Length - underscore - 1 != 36)
            {
                return false;
            }

            var random = token.Substring(underscore + 1, 30);
            var checksum = token.Substring(underscore + 31, 6);
            return ToBase62(Crc32(Encoding.ASCII.GetBytes(random)), 6) == checksum;
        }

        public static string ToBase62(uint value, int width)
        {
            var chars = new char[width];
            for (var i = width - 1; i >= 0; i--)
            {
                chars[i] = Base62[(int)(value % 62)];
                value /= 62;
            }

            return new string(chars);
        }

        public static uint Crc32(byte[] data)
        {
            var crc = 0xFFFFFFFFu;
            foreach (var b in data)
            {
                crc = Crc32Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
            }

            return crc ^ 0xFFFFFFFFu;
        }

        /// <summary>Decodes base64 or base64url without padding; null when it is not valid.</summary>
        public static byte[]? DecodeBase64Url(string text)
        {
            var normalized = text.Replace('-', '+').Replace('_', '/');
            switch (normalized.Length % 4)
            {
                case 2:
                    normalized += "==";
                    break;
                case 3:
                    normalized += "=";
                    break;
                case 1:
                    return null;
            }

            try
            {
                return Convert.FromBase64String(normalized);
            }
            catch (FormatException)
            {
                return null;
            }
        }

        /// <summary>A JWT whose header names a real signing algorithm (not "none").</summary>
        public static bool IsSignedJwt(string token)
        {
            var dot = token.IndexOf('.');
            var header = dot > 0 ? DecodeBase64Url(token.Substring(0, dot)) : null;
            if (header is null)
            {
                return false;
            }

            var json = Encoding.UTF8.GetString(header).Replace(" ", string.Empty);
            return json.IndexOf("\"alg\":", StringComparison.Ordinal) >= 0
                && json.IndexOf("\"alg\":\"none\"", StringComparison.OrdinalIgnoreCase) < 0;
        }

        /// <summary>Discord bot tokens start with the bot's numeric user ID in base64.</summary>
        public static bool StartsWithBase64UserId(string token)
        {
            var dot = token.IndexOf('.');
            var id = dot > 0 ? DecodeBase64Url(token.Substring(0, dot)) : null;
            if (id is null || id.Length < 17 || id.Length > 20)
            {
                return false;
            }

            foreach (var b in id)
            {
                if (b < '0' || b > '9')
                {
                    return false;
                }
            }

            return true;
        }

        private static uint[] BuildCrc32Table()
        {
            var table = new uint[256];
            for (uint i = 0; i < 256; i++)
            {
                var c = i;
                for (var k = 0; k < 8; k++)
                {
                    c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
                }

                table[i] = c;
            }

            return table;
        }
    }
}
