using System;
using System.Collections.Generic;
using System.IO;
using LaunchReady.Detection;
using LaunchReady.Detection.Config;
using LaunchReady.Detection.Manifest;
using LaunchReady.Tasks.Infrastructure;

namespace LaunchReady.Tasks.Manifest
{
    /// <summary>
    /// LR1003: a variable the manifest declares secret has a real-looking value in a file that is committed
    /// with the project: <c>appsettings*.json</c>, <c>launchSettings.json</c> environment variables, or a
    /// <c>.env</c> that git does not ignore. Templates (<c>.env.example</c>) and placeholders do not count.
    /// </summary>
    public static class CommittedSecretScanner
    {
        public static readonly string RuleId = TaskRules.CommittedSecret.Id;

        private const long MaxConfigBytes = 16 * 1024 * 1024;
        private const string EnvironmentVariablesSection = "environmentVariables:";

        private static readonly string[] LocalHosts = { "localhost", "127.0.0.1", "[::1]", "(localdb)", "host.docker.internal", "Server=.;", "Server=.\\", "Data Source=.\\" };

        public static List<TaskFinding> Scan(EnvManifest manifest, string manifestFileName, IEnumerable<string> configFiles, GitIgnore gitIgnore, List<string> skipped)
        {
            var findings = new List<TaskFinding>();
            var secrets = new Dictionary<string, EnvVariable>(StringComparer.OrdinalIgnoreCase);
            foreach (var variable in manifest.Variables)
            {
                if (variable.Secret)
                {
                    secrets[variable.Name] = variable;
                    secrets[variable.ConfigurationKey] = variable;
                }
            }

            if (secrets.Count == 0)
            {
                return findings;
            }

            foreach (var path in configFiles)
            {
                var kind = ConfigFile.Classify(path);
                if (kind.IsTemplate || (kind.Format != ConfigFormat.Json && kind.Format != ConfigFormat.DotEnv) || gitIgnore.IsIgnored(path))
                {
                    continue;
                }

                if (!TextFileReader.TryRead(path, MaxConfigBytes, out var text, out var problem, out _))
                {
                    skipped.Add($"{path}: {problem}");
                    continue;
                }

                var isLaunchSettings = string.Equals(Path.GetFileName(path), "launchSettings.json", StringComparison.OrdinalIgnoreCase);
                foreach (var entry in kind.Read(text))
                {
                    var name = VariableNameOf(entry, kind.Format, isLaunchSettings);
                    if (name is null || !secrets.TryGetValue(name, out var variable))
                    {
                        continue;
                    }

                    var committed = CommittedValue(entry.Value);
                    if (committed is null || (kind.IsDevelopment && PointsAtLocalMachine(entry.Value)))
                    {
                        continue;
                    }

                    var position = TextPosition.Of(text, entry.SpanOf(committed.Start, committed.Length).Start);
                    findings.Add(new TaskFinding(
                        RuleId,
                        path,
                        position.Line,
                        position.Column,
                        $"'{variable.Name}' is declared secret in {manifestFileName} but has a committed value here: {committed.Redacted}. " +
                        "Remove the value from this file and set it through user secrets or the deployment environment.",
                        identity: variable.Name + " " + committed.Redacted.Fingerprint));
                }
            }

            return findings;
        }

        /// <summary>The real-looking secret inside a committed value, or null for placeholders, local defaults and values without a credential.</summary>
        public static SecretFinding? CommittedValue(string value)
        {
            var provider = SecretDetector.Scan(value);
            if (provider is not null)
            {
                return provider[0];
            }

            // A connection string or URL is secret by its password (each judged on its own, since the whole
            // text contains the word "password"); one without (integrated auth, a local server) holds nothing to leak.
            var passwords = GenericSecrets.FindConnectionStringPasswords(value);
            if (passwords is not null)
            {
                return passwords[0];
            }

            var urlPassword = UrlPassword(value);
            if (urlPassword is not null || value.IndexOf("://", StringComparison.Ordinal) >= 0 || LooksLikeConnectionString(value))
            {
                return urlPassword;
            }

            return Placeholders.IsPlaceholder(value) ? null : GenericSecrets.EvaluateValue(value, GenericSecretOptions.Default, "committed-secret");
        }

        private static string? VariableNameOf(ConfigEntry entry, ConfigFormat format, bool isLaunchSettings)
        {
            if (entry.Name is null)
            {
                return null;
            }

            if (format == ConfigFormat.DotEnv)
            {
                return entry.Name;
            }

            if (isLaunchSettings)
            {
                // profiles:https:environmentVariables:STRIPE_SECRET_KEY
                var section = entry.Name.IndexOf(EnvironmentVariablesSection, StringComparison.OrdinalIgnoreCase);
                return section < 0 ? null : entry.Name.Substring(section + EnvironmentVariablesSection.Length);
            }

            return entry.Name;
        }

        // postgres://user:password@host/db
        private static SecretFinding? UrlPassword(string value)
        {
            var scheme = value.IndexOf("://", StringComparison.Ordinal);
            var at = scheme < 0 ? -1 : value.IndexOf('@', scheme + 3);
            var colon = at < 0 ? -1 : value.IndexOf(':', scheme + 3, at - scheme - 3);
            if (colon < 0)
            {
                return null;
            }

            var password = value.Substring(colon + 1, at - colon - 1);
            return password.Length == 0 || Placeholders.IsTrivialPassword(password)
                ? null
                : new SecretFinding(SecretKind.Generic, "url-password", "URL password", colon + 1, password.Length, Confidence.High, RedactedSecret.Of(password), string.Empty);
        }

        // A development file's connection to a database on this machine or in a local container guards nothing.
        private static bool PointsAtLocalMachine(string value)
        {
            foreach (var host in LocalHosts)
            {
                if (value.IndexOf(host, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool LooksLikeConnectionString(string value) => value.IndexOf(';') >= 0 && value.IndexOf('=') >= 0;
    }
}
