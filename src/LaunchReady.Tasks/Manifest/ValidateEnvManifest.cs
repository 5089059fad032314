using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LaunchReady.Tasks.Infrastructure;
using Microsoft.Build.Framework;

namespace LaunchReady.Tasks.Manifest
{
    /// <summary>
    /// Checks the env manifest (LR1001, LR1004), committed secret values (LR1003) and, when an environment
    /// name is given, that environment's variables (LR1002). Takes names and paths only: values are read
    /// from the process environment and the dotenv file inside the task, so they never reach a binary log.
    /// </summary>
    public sealed class ValidateEnvManifest : LaunchReadyTask
    {
        [Required]
        public string ManifestPath { get; set; } = string.Empty;

        [Required]
        public string ProjectDirectory { get; set; } = string.Empty;

        /// <summary>Configuration files to check for committed secret values (appsettings*.json, launchSettings.json, .env files).</summary>
        public ITaskItem[] ConfigFiles { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>Extra client-public prefixes for LR1004, semicolon-separated.</summary>
        public string? PublicPrefixes { get; set; }

        /// <summary>Check the manifest itself and committed values (the incremental part).</summary>
        public bool CheckFiles { get; set; } = true;

        /// <summary>The environment to validate (LR1002); empty to skip.</summary>
        public string? EnvironmentName { get; set; }

        /// <summary>Path of a dotenv file whose values count as set (LR1002).</summary>
        public string? EnvFile { get; set; }

        protected override void Run()
        {
            var projectDirectory = Path.GetFullPath(ProjectDirectory);
            var manifestPath = FullPath(ManifestPath, projectDirectory);
            var manifest = ManifestLoader.Load(manifestPath, projectDirectory, SplitList(PublicPrefixes), out var sourcePath);
            if (manifest is null && !string.IsNullOrWhiteSpace(EnvironmentName))
            {
                Report(new TaskFinding(
                    EnvironmentValidator.RuleId, manifestPath, 0, 0,
                    $"LaunchReadyEnvironment is '{EnvironmentName}' but there is no {Path.GetFileName(manifestPath)} (or .env.example) to validate it against."));
                return;
            }

            if (manifest is null)
            {
                Log.LogMessage(MessageImportance.Low, "LaunchReady: no {0} or .env.example in {1}; nothing to validate.", Path.GetFileName(manifestPath), projectDirectory);
                return;
            }

            if (CheckFiles)
            {
                ReportAll(ManifestFindings.Of(manifest, sourcePath));
                var skipped = new List<string>();
                var configFiles = ConfigFiles.Select(f => FullPath(f.ItemSpec, projectDirectory)).Distinct(StringComparer.OrdinalIgnoreCase);
                ReportAll(CommittedSecretScanner.Scan(manifest, Path.GetFileName(sourcePath), configFiles, new GitIgnore(), skipped));
                foreach (var reason in skipped)
                {
                    Log.LogMessage(MessageImportance.Normal, "LaunchReady: skipped {0}", reason);
                }
            }

            if (!string.IsNullOrWhiteSpace(EnvironmentName))
            {
                var validator = new EnvironmentValidator(Environment.GetEnvironmentVariable);
                if (!string.IsNullOrWhiteSpace(EnvFile))
                {
                    var envFile = FullPath(EnvFile!, projectDirectory);
                    if (!validator.AddDotEnvFile(envFile, out var problem))
                    {
                        Report(new TaskFinding(EnvironmentValidator.RuleId, envFile, 0, 0, $"LaunchReadyEnvFile cannot be used: {problem}."));
                        return;
                    }
                }

                var findings = validator.Validate(manifest, sourcePath, EnvironmentName!.Trim());
                ReportAll(findings);
                if (findings.Count == 0)
                {
                    Log.LogMessage(MessageImportance.High, "LaunchReady: every variable required in {0} is set ({1} declared in {2}).", EnvironmentName, manifest.Variables.Count, Path.GetFileName(sourcePath));
                }
            }
        }
    }
}
