using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using LaunchReady.Detection.Config;
using LaunchReady.Detection.Json;

namespace LaunchReady.Detection.Manifest
{
    /// <summary>
    /// Reads <c>launchready.env.json</c> as ENV-MANIFEST.md defines it and reports every way it can be
    /// wrong (LR1001) at the offending key or value. Never throws: a broken manifest is a finding.
    /// </summary>
    public static class EnvManifestReader
    {
        public const string MalformedRule = "LR1001";
        public const string PublicPrefixRule = "LR1004";

        /// <summary>Prefixes that front-end toolchains inline into client bundles.</summary>
        public static readonly IReadOnlyList<string> DefaultPublicPrefixes = new[]
        {
            "NEXT_PUBLIC_", "VITE_", "REACT_APP_", "PUBLIC_", "NUXT_PUBLIC_", "EXPO_PUBLIC_", "GATSBY_", "VUE_APP_",
        };

        private static readonly string[] RootKeys = { "$schema", "environments", "variables", "suppressions" };
        private static readonly string[] VariableKeys = { "description", "secret", "client", "required", "pattern", "default", "owner" };
        private static readonly string[] DotEnvSecretWords = { "SECRET", "PASSWORD", "TOKEN", "KEY", "CONNECTION" };
        private static readonly Regex VariableName = new Regex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);

        /// <summary>Reads a JSON manifest. Problems include LR1001 for malformed content and LR1004 for public prefixes.</summary>
        public static EnvManifest Read(string text, IEnumerable<string>? extraPublicPrefixes = null)
        {
            var manifest = new EnvManifest(text, fromDotEnvExample: false);
            var parsed = StrictJsonParser.Parse(text);
            if (parsed.Root is null)
            {
                manifest.Problems.Add(new ManifestProblem(MalformedRule, "The env manifest is not valid JSON: " + parsed.Error + ".", parsed.ErrorOffset));
                return manifest;
            }

            if (parsed.Root.Kind != JsonKind.Object)
            {
                Problem(manifest, parsed.Root.Start, $"The env manifest must be a JSON object with \"variables\", not {parsed.Root.Describe()}.");
                return manifest;
            }

            var root = parsed.Root;
            CheckKeys(manifest, root, RootKeys, "the manifest");
            var environments = Single(root, "environments");
            if (environments is not null)
            {
                ReadEnvironments(manifest, environments);
            }

            var variables = Single(root, "variables");
            if (variables is null)
            {
                Problem(manifest, root.Start, "The env manifest has no \"variables\" object; declare each environment variable the project reads there.");
            }
            else if (variables.Kind != JsonKind.Object)
            {
                Problem(manifest, variables.Start, $"\"variables\" must be an object keyed by variable name, not {variables.Describe()}.");
            }
            else
            {
                ReadVariables(manifest, variables, environments is not null);
            }

            var suppressions = Single(root, "suppressions");
            if (suppressions is not null && suppressions.Kind != JsonKind.Array)
            {
                Problem(manifest, suppressions.Start, $"\"suppressions\" must be an array of {{ \"fingerprint\": ..., \"reason\": ... }} entries, not {suppressions.Describe()}.");
            }
            else
            {
                manifest.Suppressions = suppressions;
            }

            var schema = Single(root, "$schema");
            if (schema is not null && schema.Kind != JsonKind.String)
            {
                Problem(manifest, schema.Start, $"\"$schema\" must be a string, not {schema.Describe()}.");
            }

            CheckPublicPrefixes(manifest, extraPublicPrefixes);
            return manifest;
        }

        /// <summary>
        /// Reads a <c>.env.example</c> as a manifest: every listed name is required everywhere; names with
        /// SECRET, PASSWORD, TOKEN, KEY or CONNECTION are secret unless a client-public prefix says they are meant to be public.
        /// </summary>
        public static EnvManifest ReadDotEnvExample(string text, IEnumerable<string>? extraPublicPrefixes = null)
        {
            var manifest = new EnvManifest(text, fromDotEnvExample: true);
            var prefixes = PublicPrefixes(extraPublicPrefixes);
            foreach (var entry in ConfigEntryReader.ReadDotEnv(text))
            {
                var name = entry.Name ?? string.Empty;
                var nameStart = text.LastIndexOf(name, Math.Max(0, entry.Start - 1), StringComparison.Ordinal);
                if (!VariableName.IsMatch(name))
                {
                    Problem(manifest, Math.Max(0, nameStart), $"'{Shorten(name)}' is not a valid environment variable name (letters, digits and '_', not starting with a digit).");
                    continue;
                }

                if (manifest.Find(name) is not null)
                {
                    continue;
                }

                var upper = name.ToUpperInvariant();
                var isPublic = prefixes.Any(p => upper.StartsWith(p, StringComparison.Ordinal));
                manifest.Add(new EnvVariable(name, Math.Max(0, nameStart))
                {
                    RequiredEverywhere = true,
                    Client = isPublic,
                    Secret = !isPublic && DotEnvSecretWords.Any(w => upper.Contains(w)),
                });
            }

            return manifest;
        }

        public static bool IsValidVariableName(string name) => VariableName.IsMatch(name);

        public static List<string> PublicPrefixes(IEnumerable<string>? extra)
        {
            var prefixes = new List<string>(DefaultPublicPrefixes);
            if (extra is not null)
            {
                foreach (var prefix in extra)
                {
                    var trimmed = prefix.Trim().ToUpperInvariant();
                    if (trimmed.Length > 0 && !prefixes.Contains(trimmed))
                    {
                        prefixes.Add(trimmed);
                    }
                }
            }

            return prefixes;
        }

        private static void ReadEnvironments(EnvManifest manifest, JsonNode environments)
        {
            if (environments.Kind != JsonKind.Array)
            {
                Problem(manifest, environments.Start, $"\"environments\" must be an array of environment names, not {environments.Describe()}.");
                return;
            }

            foreach (var item in environments.Items)
            {
                if (item.Kind != JsonKind.String || string.IsNullOrWhiteSpace(item.Text))
                {
                    Problem(manifest, item.Start, $"Each entry of \"environments\" must be a non-empty string, not {item.Describe()}.");
                }
                else if (manifest.Environments.Exists(e => string.Equals(e, item.Text, StringComparison.OrdinalIgnoreCase)))
                {
                    Problem(manifest, item.Start, $"The environment '{item.Text}' is listed twice.");
                }
                else
                {
                    manifest.Environments.Add(item.Text!);
                }
            }
        }

        private static void ReadVariables(EnvManifest manifest, JsonNode variables, bool hasEnvironments)
        {
            foreach (var property in variables.Properties)
            {
                var name = property.Name;
                if (!VariableName.IsMatch(name))
                {
                    Problem(manifest, property.NameStart, $"'{Shorten(name)}' is not a valid environment variable name (letters, digits and '_', not starting with a digit; write ':' sections as '__').");
                    continue;
                }

                var first = manifest.Find(name);
                if (first is not null)
                {
                    var line = manifest.PositionOf(first.NameStart).Line;
                    Problem(manifest, property.NameStart, $"The variable '{name}' is declared twice (first at line {line}); environment variable names are case-insensitive on Windows and in .NET configuration.");
                    continue;
                }

                var variable = new EnvVariable(name, property.NameStart);
                manifest.Add(variable);
                if (property.Value.Kind != JsonKind.Object)
                {
                    Problem(manifest, property.Value.Start, $"The variable '{name}' must be declared with an object (for example {{ \"secret\": true }}), not {property.Value.Describe()}.");
                    continue;
                }

                ReadVariable(manifest, variable, property.Value, hasEnvironments);
            }
        }

        private static void ReadVariable(EnvManifest manifest, EnvVariable variable, JsonNode body, bool hasEnvironments)
        {
            var where = "the variable '" + variable.Name + "'";
            CheckKeys(manifest, body, VariableKeys, where);
            variable.Description = ReadString(manifest, body, "description", where);
            variable.Owner = ReadString(manifest, body, "owner", where);
            variable.Default = ReadString(manifest, body, "default", where);
            variable.Pattern = ReadString(manifest, body, "pattern", where);
            var secret = ReadBoolean(manifest, body, "secret", where);
            var client = ReadBoolean(manifest, body, "client", where);
            variable.Secret = secret?.Kind == JsonKind.True;
            variable.Client = client?.Kind == JsonKind.True;

            if (variable.Secret && variable.Client)
            {
                Problem(manifest, KeyOffset(body, "client"), $"'{variable.Name}' is both \"secret\" and \"client\": a value shipped to browsers cannot stay secret. Keep one.");
            }

            if (variable.Secret && variable.Default is not null)
            {
                Problem(manifest, KeyOffset(body, "default"), $"'{variable.Name}' is \"secret\" and has a \"default\": a default value would be committed. Remove the default and set the value per environment.");
            }

            var pattern = Single(body, "pattern");
            if (variable.Pattern is not null && pattern is not null)
            {
                variable.PatternStart = pattern.Start;
                var error = PatternError(variable.Pattern);
                if (error is not null)
                {
                    Problem(manifest, pattern.Start, $"The \"pattern\" of '{variable.Name}' is not a valid .NET regular expression: {error}");
                }
            }

            var required = Single(body, "required");
            if (required is null)
            {
                return;
            }

            if (required.IsBoolean)
            {
                variable.RequiredEverywhere = required.Kind == JsonKind.True;
                return;
            }

            if (required.Kind != JsonKind.Array)
            {
                Problem(manifest, required.Start, $"\"required\" of '{variable.Name}' must be true, false or an array of environment names, not {required.Describe()}.");
                return;
            }

            foreach (var item in required.Items)
            {
                if (item.Kind != JsonKind.String)
                {
                    Problem(manifest, item.Start, $"\"required\" of '{variable.Name}' lists environment names; found {item.Describe()}.");
                }
                else if (!manifest.Environments.Exists(e => string.Equals(e, item.Text, StringComparison.OrdinalIgnoreCase)))
                {
                    var known = hasEnvironments && manifest.Environments.Count > 0
                        ? " (" + string.Join(", ", manifest.Environments) + ")" + DidYouMean(item.Text!, manifest.Environments)
                        : "; list it in the top-level \"environments\" array";
                    Problem(manifest, item.Start, $"'{variable.Name}' is required in '{Shorten(item.Text!)}', which is not one of the manifest's \"environments\"{known}");
                }
                else
                {
                    variable.RequiredIn.Add(item.Text!);
                }
            }
        }

        private static void CheckPublicPrefixes(EnvManifest manifest, IEnumerable<string>? extraPublicPrefixes)
        {
            var prefixes = PublicPrefixes(extraPublicPrefixes);
            foreach (var variable in manifest.Variables)
            {
                if (!variable.Secret)
                {
                    continue;
                }

                var upper = variable.Name.ToUpperInvariant();
                var prefix = prefixes.FirstOrDefault(p => upper.StartsWith(p, StringComparison.Ordinal));
                if (prefix is not null)
                {
                    manifest.Problems.Add(new ManifestProblem(
                        PublicPrefixRule,
                        $"'{variable.Name}' is declared secret but starts with '{prefix}', a prefix front-end builds inline into the client bundle. Rename it without the prefix and read it on the server only.",
                        variable.NameStart));
                }
            }
        }

        private static void CheckKeys(EnvManifest manifest, JsonNode node, string[] allowed, string where)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in node.Properties)
            {
                if (Array.IndexOf(allowed, property.Name) < 0)
                {
                    var suggestion = DidYouMean(property.Name, allowed);
                    Problem(manifest, property.NameStart, $"Unknown key \"{Shorten(property.Name)}\" in {where}{(suggestion.Length > 0 ? suggestion : "; allowed: " + string.Join(", ", allowed) + ".")}");
                }
                else if (!seen.Add(property.Name))
                {
                    Problem(manifest, property.NameStart, $"The key \"{property.Name}\" appears twice in {where}; JSON readers silently keep only one.");
                }
            }
        }

        private static JsonNode? Single(JsonNode node, string key)
        {
            foreach (var property in node.Properties)
            {
                if (property.Name == key)
                {
                    return property.Value;
                }
            }

            return null;
        }

        private static int KeyOffset(JsonNode node, string key) => node.Properties.First(p => p.Name == key).NameStart;

        private static string? ReadString(EnvManifest manifest, JsonNode body, string key, string where)
        {
            var value = Single(body, key);
            if (value is null)
            {
                return null;
            }

            if (value.Kind != JsonKind.String)
            {
                Problem(manifest, value.Start, $"\"{key}\" of {where} must be a string, not {value.Describe()}.");
                return null;
            }

            return value.Text;
        }

        private static JsonNode? ReadBoolean(EnvManifest manifest, JsonNode body, string key, string where)
        {
            var value = Single(body, key);
            if (value is not null && !value.IsBoolean)
            {
                var hint = value.Kind == JsonKind.String && (value.Text == "true" || value.Text == "false") ? " (remove the quotes)" : string.Empty;
                Problem(manifest, value.Start, $"\"{key}\" of {where} must be true or false, not {value.Describe()}{hint}.");
                return null;
            }

            return value;
        }

        /// <summary>Why a pattern does not compile, or null when it does.</summary>
        public static string? PatternError(string pattern)
        {
            try
            {
                _ = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
                return null;
            }
            catch (ArgumentException e)
            {
                return e.Message;
            }
        }

        /// <summary>"; did you mean 'x'?" for the closest candidate within two edits (or a case difference), else empty.</summary>
        public static string DidYouMean(string actual, IEnumerable<string> candidates)
        {
            string? best = null;
            var bestDistance = int.MaxValue;
            foreach (var candidate in candidates)
            {
                var distance = string.Equals(candidate, actual, StringComparison.OrdinalIgnoreCase) ? 0 : EditDistance(actual.ToLowerInvariant(), candidate.ToLowerInvariant());
                if (distance < bestDistance)
                {
                    best = candidate;
                    bestDistance = distance;
                }
            }

            var limit = Math.Max(1, Math.Min(2, actual.Length / 3));
            return best is not null && bestDistance <= limit ? $"; did you mean '{best}'?" : string.Empty;
        }

        private static int EditDistance(string a, string b)
        {
            if (Math.Abs(a.Length - b.Length) > 2 || a.Length > 64 || b.Length > 64)
            {
                return int.MaxValue;
            }

            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (var j = 0; j <= b.Length; j++)
            {
                previous[j] = j;
            }

            for (var i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                }

                var swap = previous;
                previous = current;
                current = swap;
            }

            return previous[b.Length];
        }

        // Names from a hostile file can be megabytes long; messages quote at most a readable stretch.
        private static string Shorten(string value) => value.Length <= 64 ? value : value.Substring(0, 61) + "...";

        private static void Problem(EnvManifest manifest, int offset, string message) =>
            manifest.Problems.Add(new ManifestProblem(MalformedRule, EndSentence(message), offset));

        private static string EndSentence(string message) =>
            message.EndsWith(".", StringComparison.Ordinal) || message.EndsWith("?", StringComparison.Ordinal) ? message : message + ".";
    }
}
