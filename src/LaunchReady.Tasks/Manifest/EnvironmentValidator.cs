using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using LaunchReady.Detection.Config;
using LaunchReady.Detection.Manifest;
using LaunchReady.Tasks.Infrastructure;

namespace LaunchReady.Tasks.Manifest
{
    public enum VariableStatus
    {
        /// <summary>Not required in the validated environment and not set.</summary>
        NotNeeded,
        Set,
        UsesDefault,
        Missing,
        InvalidPattern,
    }

    /// <summary>
    /// LR1002: checks a real environment against the manifest. Values come from the build's process
    /// environment and an optional dotenv file, are read here and nowhere else, and never leave this class:
    /// results carry names and statuses only.
    /// </summary>
    public sealed class EnvironmentValidator
    {
        public static readonly string RuleId = TaskRules.EnvironmentInvalid.Id;

        private static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);

        private readonly Func<string, string?> processEnvironment;
        private readonly Dictionary<string, string> dotEnv = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        public EnvironmentValidator(Func<string, string?> processEnvironment)
        {
            this.processEnvironment = processEnvironment;
        }

        /// <summary>Where values were looked for, for messages: "the build environment" or "the build environment or .env.production".</summary>
        public string SourceDescription { get; private set; } = "the build environment";

        /// <summary>Adds a dotenv file's values; its values win over the process environment, as dotenv loaders do. False when it cannot be read.</summary>
        public bool AddDotEnvFile(string path, out string? problem)
        {
            if (!TextFileReader.TryRead(path, 4 * 1024 * 1024, out var text, out problem, out _))
            {
                return false;
            }

            foreach (var entry in ConfigEntryReader.ReadDotEnv(text))
            {
                if (entry.Name is not null)
                {
                    dotEnv[entry.Name] = entry.Value;
                }
            }

            SourceDescription = "the build environment or " + System.IO.Path.GetFileName(path);
            return true;
        }

        public VariableStatus StatusOf(EnvVariable variable, string? environment)
        {
            var value = ValueOf(variable);
            if (string.IsNullOrEmpty(value))
            {
                if (!variable.IsRequiredIn(environment))
                {
                    return VariableStatus.NotNeeded;
                }

                return variable.Default is not null ? VariableStatus.UsesDefault : VariableStatus.Missing;
            }

            return variable.Pattern is not null && !MatchesPattern(variable.Pattern, value!) ? VariableStatus.InvalidPattern : VariableStatus.Set;
        }

        public List<TaskFinding> Validate(EnvManifest manifest, string manifestPath, string environment)
        {
            var findings = new List<TaskFinding>();
            if (manifest.Environments.Count > 0 && !manifest.Environments.Exists(e => string.Equals(e, environment, StringComparison.OrdinalIgnoreCase)))
            {
                var suggestion = EnvManifestReader.DidYouMean(environment, manifest.Environments);
                findings.Add(new TaskFinding(
                    RuleId, manifestPath, 1, 1,
                    $"LaunchReadyEnvironment is '{environment}', which is not one of the manifest's environments ({string.Join(", ", manifest.Environments)}){(suggestion.Length > 0 ? suggestion : ".")}"));
                return findings;
            }

            foreach (var variable in manifest.Variables)
            {
                var status = StatusOf(variable, environment);
                if (status == VariableStatus.Missing)
                {
                    var position = manifest.PositionOf(variable.NameStart);
                    findings.Add(new TaskFinding(
                        RuleId, manifestPath, position.Line, position.Column,
                        $"'{variable.Name}' is required in {environment} but is missing or empty in {SourceDescription}."));
                }
                else if (status == VariableStatus.InvalidPattern)
                {
                    var position = manifest.PositionOf(variable.PatternStart >= 0 ? variable.PatternStart : variable.NameStart);
                    findings.Add(new TaskFinding(
                        RuleId, manifestPath, position.Line, position.Column,
                        $"'{variable.Name}' is set in {SourceDescription} but its value does not match the declared pattern {variable.Pattern}."));
                }
            }

            return findings;
        }

        private string? ValueOf(EnvVariable variable)
        {
            // .NET configuration accepts both "A__B" and, where the platform allows it, "A:B".
            foreach (var name in new[] { variable.Name, variable.ConfigurationKey }.Distinct(StringComparer.Ordinal))
            {
                if (dotEnv.TryGetValue(name, out var fromFile) && fromFile.Length > 0)
                {
                    return fromFile;
                }

                var fromProcess = processEnvironment(name);
                if (!string.IsNullOrEmpty(fromProcess))
                {
                    return fromProcess;
                }
            }

            return null;
        }

        private static bool MatchesPattern(string pattern, string value)
        {
            try
            {
                return Regex.IsMatch(value, pattern, RegexOptions.CultureInvariant, PatternTimeout);
            }
            catch (ArgumentException)
            {
                // An invalid pattern is reported as LR1001; it cannot also fail the value.
                return true;
            }
            catch (RegexMatchTimeoutException)
            {
                return false;
            }
        }
    }
}
