using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using LaunchReady.Detection.Manifest;

namespace LaunchReady.Tasks.Manifest
{
    /// <summary>
    /// The handover inventory: every declared variable with what it is for, who owns it, where it is
    /// required and whether it is set in the validated environment. Never a value, not even a default.
    /// </summary>
    public static class HandoverWriter
    {
        public static string Write(EnvManifest manifest, string projectName, string manifestFileName, string? environment, EnvironmentValidator? validator)
        {
            var text = new StringBuilder();
            text.Append("# Environment variables: ").Append(projectName).Append('\n').Append('\n');
            text.Append("Generated from `").Append(manifestFileName).Append("` by LaunchReady.Analyzers. No value is written here, only names and facts about them.\n\n");

            var secrets = manifest.Variables.Count(v => v.Secret);
            text.Append("- Variables: ").Append(manifest.Variables.Count).Append(" (").Append(secrets).Append(" secret, ")
                .Append(manifest.Variables.Count(v => v.Client)).Append(" client-visible)\n");
            if (manifest.Environments.Count > 0)
            {
                text.Append("- Environments: ").Append(string.Join(", ", manifest.Environments)).Append('\n');
            }

            var statuses = new Dictionary<EnvVariable, VariableStatus>();
            if (environment is not null && validator is not null)
            {
                foreach (var variable in manifest.Variables)
                {
                    statuses[variable] = validator.StatusOf(variable, environment);
                }

                var missing = statuses.Count(s => s.Value == VariableStatus.Missing || s.Value == VariableStatus.InvalidPattern);
                text.Append("- Checked against: ").Append(environment).Append(" (").Append(validator.SourceDescription).Append("): ")
                    .Append(missing == 0 ? "everything required is set" : missing + " missing or invalid").Append('\n');
            }
            else
            {
                text.Append("- Checked against: no environment (build with `-p:LaunchReadyEnvironment=<name>` to fill the Status column)\n");
            }

            text.Append('\n');
            text.Append("| Variable | Description | Owner | Required in | Secret | Client | Default | Status |\n");
            text.Append("|---|---|---|---|---|---|---|---|\n");
            foreach (var variable in manifest.Variables.OrderBy(v => v.Name, StringComparer.OrdinalIgnoreCase))
            {
                text.Append("| `").Append(variable.Name).Append("` | ")
                    .Append(Cell(variable.Description)).Append(" | ")
                    .Append(Cell(variable.Owner)).Append(" | ")
                    .Append(RequiredIn(variable, manifest)).Append(" | ")
                    .Append(variable.Secret ? "yes" : "no").Append(" | ")
                    .Append(variable.Client ? "yes" : "no").Append(" | ")
                    .Append(variable.Default is null ? "no" : "yes").Append(" | ")
                    .Append(statuses.TryGetValue(variable, out var status) ? Describe(status) : "not checked").Append(" |\n");
            }

            if (environment is not null && statuses.Count > 0)
            {
                text.Append('\n').Append("## Before go-live in ").Append(environment).Append("\n\n");
                foreach (var variable in manifest.Variables.Where(v => v.IsRequiredIn(environment)).OrderBy(v => v.Name, StringComparer.OrdinalIgnoreCase))
                {
                    var done = statuses[variable] == VariableStatus.Set || statuses[variable] == VariableStatus.UsesDefault;
                    text.Append(done ? "- [x] `" : "- [ ] `").Append(variable.Name).Append('`');
                    if (variable.Secret)
                    {
                        text.Append(" (secret: keep it in the secret store, name an owner for rotation)");
                    }

                    text.Append('\n');
                }
            }

            return text.ToString();
        }

        private static string RequiredIn(EnvVariable variable, EnvManifest manifest)
        {
            if (variable.RequiredEverywhere)
            {
                return manifest.Environments.Count > 0 ? "all (" + string.Join(", ", manifest.Environments) + ")" : "all";
            }

            return variable.RequiredIn.Count > 0 ? string.Join(", ", variable.RequiredIn) : "optional";
        }

        private static string Describe(VariableStatus status) => status switch
        {
            VariableStatus.Set => "set",
            VariableStatus.UsesDefault => "default",
            VariableStatus.Missing => "**missing**",
            VariableStatus.InvalidPattern => "**does not match pattern**",
            _ => "not required",
        };

        // Markdown table cells cannot hold pipes or line breaks.
        private static string Cell(string? value) =>
            string.IsNullOrWhiteSpace(value) ? "" : value!.Replace("|", "\\|").Replace("\r", " ").Replace("\n", " ").Trim();
    }
}
