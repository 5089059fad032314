using System;

namespace LaunchReady.Detection
{
    /// <summary>Values that stand in for a secret rather than being one: the false positives that make people turn scanners off.</summary>
    public static class Placeholders
    {
        private static readonly string[] Markers =
        {
            "changeme", "change_me", "change-me", "replace", "your", "example", "sample", "placeholder", "dummy",
            "fake", "todo", "fixme", "redacted", "password", "passw0rd", "p@ssw0rd", "p@ssword", "pa$$w0rd", "p@$$w0rd",
            "pass@word", "pa55w0rd", "secret", "xxx",
            "***", "...", "\u2026", "insert", "enter", "notset", "not_set", "not-set", "undefined", "null", "test",
            "demo", "123456", "abcdef", "qwerty", "letmein", "mock", "stub", "foobar", "lorem",
        };

        // Development defaults that appear in docker-compose files and local connection strings.
        private static readonly string[] TrivialPasswords =
        {
            "postgres", "root", "admin", "guest", "sa", "pass", "pwd", "dev", "development", "mysql", "redis", "user",
            "rabbitmq", "mongo", "mongodb", "default",
        };

        public static bool IsPlaceholder(string value)
        {
            var trimmed = value.Trim();
            if (trimmed.Length == 0 || IsTemplateReference(trimmed))
            {
                return true;
            }

            foreach (var marker in Markers)
            {
                if (trimmed.IndexOf(marker, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            // "aaaaaaaa", "abababab", "********", or one character making up most of the value
            return Entropy.DistinctCharacters(trimmed) <= 2 || Entropy.MostFrequentCount(trimmed) * 10 > trimmed.Length * 6;
        }

        // Markers of a configuration value still to be filled in; narrower than Markers, which also set aside
        // real-looking words ("on", "Password=...", "demo") that are fine as configuration values.
        private static readonly string[] StandInMarkers =
        {
            "changeme", "change_me", "change-me", "replace-me", "replace_me", "replaceme", "placeholder", "your-", "your_", "<your",
            "todo:", "fixme", "redacted", "xxx", "notset", "not_set", "not-set", "set-me", "set_me", "***", "...", "\u2026",
        };

        /// <summary>
        /// A configuration value that marks a setting still to be provided elsewhere (empty, <c>${VAR}</c>, <c>&lt;your-key&gt;</c>,
        /// <c>CHANGEME</c>, <c>TODO</c>), as opposed to one that configures it, however short or plain.
        /// </summary>
        public static bool IsStandIn(string value)
        {
            var trimmed = value.Trim();
            if (trimmed.Length == 0 || IsTemplateReference(trimmed)
                || trimmed.Equals("undefined", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("null", StringComparison.OrdinalIgnoreCase)
                || trimmed.Equals("tbd", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("todo", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            foreach (var marker in StandInMarkers)
            {
                if (trimmed.IndexOf(marker, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A placeholder, or a default password that only ever guards a local container.</summary>
        public static bool IsTrivialPassword(string password)
        {
            if (IsPlaceholder(password) || password.Length < 6)
            {
                return true;
            }

            foreach (var trivial in TrivialPasswords)
            {
                if (string.Equals(password, trivial, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        // ${VAR}, $(Var), %VAR%, {{var}}, {0}, <your-key>, [key], #{Token}#, __TOKEN__
        private static bool IsTemplateReference(string value)
        {
            if (value.Length < 2)
            {
                return false;
            }

            var first = value[0];
            var last = value[value.Length - 1];
            return (first == '<' && last == '>')
                || (first == '{' && last == '}')
                || (first == '[' && last == ']')
                || (first == '%' && last == '%')
                || (first == '#' && last == '#')
                || value.StartsWith("${", StringComparison.Ordinal)
                || value.StartsWith("$(", StringComparison.Ordinal)
                || value.StartsWith("{{", StringComparison.Ordinal)
                || (value.StartsWith("__", StringComparison.Ordinal) && value.EndsWith("__", StringComparison.Ordinal));
        }
    }
}
