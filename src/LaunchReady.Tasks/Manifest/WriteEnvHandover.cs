using System;
using System.IO;
using System.Text;
using LaunchReady.Tasks.Infrastructure;
using Microsoft.Build.Framework;

namespace LaunchReady.Tasks.Manifest
{
    /// <summary>Writes the handover inventory (Markdown) from the manifest: names, descriptions, owners, flags and set/missing, never values.</summary>
    public sealed class WriteEnvHandover : LaunchReadyTask
    {
        [Required]
        public string ManifestPath { get; set; } = string.Empty;

        [Required]
        public string ProjectDirectory { get; set; } = string.Empty;

        [Required]
        public string OutputPath { get; set; } = string.Empty;

        public string? ProjectName { get; set; }

        public string? PublicPrefixes { get; set; }

        public string? EnvironmentName { get; set; }

        public string? EnvFile { get; set; }

        [Output]
        public string? WrittenPath { get; set; }

        protected override void Run()
        {
            var projectDirectory = Path.GetFullPath(ProjectDirectory);
            var manifestPath = FullPath(ManifestPath, projectDirectory);
            var manifest = ManifestLoader.Load(manifestPath, projectDirectory, SplitList(PublicPrefixes), out var sourcePath);
            if (manifest is null)
            {
                Report(new TaskFinding(
                    TaskRules.MalformedManifest.Id, manifestPath, 0, 0,
                    $"There is no env manifest to write a handover from: create {Path.GetFileName(manifestPath)} (or a .env.example) next to the project."));
                return;
            }

            var findings = ManifestFindings.Of(manifest, sourcePath);
            if (findings.Exists(f => f.RuleId == TaskRules.MalformedManifest.Id))
            {
                ReportAll(findings);
                return;
            }

            EnvironmentValidator? validator = null;
            var environment = string.IsNullOrWhiteSpace(EnvironmentName) ? null : EnvironmentName!.Trim();
            if (environment is not null)
            {
                validator = new EnvironmentValidator(Environment.GetEnvironmentVariable);
                if (!string.IsNullOrWhiteSpace(EnvFile) && !validator.AddDotEnvFile(FullPath(EnvFile!, projectDirectory), out var problem))
                {
                    Report(new TaskFinding(EnvironmentValidator.RuleId, FullPath(EnvFile!, projectDirectory), 0, 0, $"LaunchReadyEnvFile cannot be used: {problem}."));
                    return;
                }
            }

            var markdown = HandoverWriter.Write(manifest, ProjectName ?? Path.GetFileName(projectDirectory), Path.GetFileName(sourcePath), environment, validator);
            var output = FullPath(OutputPath, projectDirectory);
            Directory.CreateDirectory(Path.GetDirectoryName(output)!);
            File.WriteAllText(output, markdown, new UTF8Encoding(false));
            WrittenPath = output;
            Log.LogMessage(MessageImportance.High, "LaunchReady: wrote the handover inventory of {0} variables to {1}", manifest.Variables.Count, output);
        }
    }
}
