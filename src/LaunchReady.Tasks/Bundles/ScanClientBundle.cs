using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LaunchReady.Detection.Manifest;
using LaunchReady.Tasks.Infrastructure;
using LaunchReady.Tasks.Manifest;
using Microsoft.Build.Framework;

namespace LaunchReady.Tasks.Bundles
{
    /// <summary>
    /// Scans what browsers download (LR1010-LR1012): wwwroot, static web assets, the publish output and
    /// any folder added as a LaunchReadyClientBundle item. Takes paths only; the real values of the
    /// manifest's secret variables are read from the environment here and never leave this process.
    /// </summary>
    public sealed class ScanClientBundle : LaunchReadyTask
    {
        public const string SuppressionsFileName = "launchready.suppressions.json";

        /// <summary>Folders whose files are all public.</summary>
        public ITaskItem[] Roots { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>Single public files (static web assets), with the path they are served under as RelativePath metadata.</summary>
        public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();

        [Required]
        public string ProjectDirectory { get; set; } = string.Empty;

        public string? ManifestPath { get; set; }

        public string? SuppressionsPath { get; set; }

        /// <summary>A Blazor WebAssembly app: its own wwwroot/appsettings*.json are client settings, not server files.</summary>
        public bool IsClientProject { get; set; }

        public bool AllowSourceMapSources { get; set; }

        public int MaxFileMegabytes { get; set; } = 256;

        protected override void Run()
        {
            var projectDirectory = Path.GetFullPath(ProjectDirectory);
            var notes = new List<string>();
            var files = BundleFiles.Enumerate(
                Roots.Select(r => FullPath(r.ItemSpec, projectDirectory)),
                Files.Select(f => new BundleFile(FullPath(f.ItemSpec, projectDirectory), RelativePathOf(f))),
                notes);
            if (files.Count == 0)
            {
                Log.LogMessage(MessageImportance.Low, "LaunchReady: no client bundle files to scan.");
                return;
            }

            EnvManifest? manifest = null;
            if (!string.IsNullOrWhiteSpace(ManifestPath))
            {
                manifest = ManifestLoader.Load(FullPath(ManifestPath!, projectDirectory), projectDirectory, null, out _);
            }

            var suppressions = LoadSuppressions(manifest, projectDirectory);
            var needles = SecretNeedles.From(manifest, Environment.GetEnvironmentVariable);
            var scanner = new BundleScanner(needles, IsClientProject, AllowSourceMapSources, MaxFileMegabytes * 1024L * 1024L);
            var results = scanner.Scan(files, notes);

            foreach (var note in notes)
            {
                Log.LogMessage(MessageImportance.Normal, "LaunchReady: {0}", note);
            }

            var reported = 0;
            foreach (var result in results)
            {
                foreach (var hit in result.Hits)
                {
                    var suppression = suppressions.FirstOrDefault(s => s.Covers(hit.RuleId, hit.Fingerprint));
                    if (suppression is not null)
                    {
                        Log.LogMessage(MessageImportance.Normal, "LaunchReady: suppressed {0} in {1} (fingerprint {2}): {3}", hit.RuleId, result.Path, hit.Fingerprint, suppression.Reason ?? "no reason given");
                        continue;
                    }

                    var rule = TaskRules.All.First(r => r.Id == hit.RuleId);
                    // A bundle file is identified by the path it is served under, so a baseline taken from a Debug
                    // build still holds for the Release or publish output.
                    Report(new TaskFinding(hit.RuleId, result.Path, hit.Line, hit.Column, hit.Message, isWarning: !rule.IsError, identity: hit.Fingerprint, identityPath: "wwwroot/" + result.RelativePath));
                    reported++;
                }
            }

            Log.LogMessage(
                MessageImportance.Normal,
                "LaunchReady: scanned {0} client bundle files ({1} secret values from the environment looked for), {2} findings.",
                files.Count,
                needles.Select(n => n.Variable).Distinct().Count(),
                reported);
        }

        // Static web assets carry the folder they are served under ("_framework/"); the name may be a
        // fingerprint template ("Shop#[.{fingerprint}]!.wasm"), so the file's own name is used.
        private static string RelativePathOf(ITaskItem file)
        {
            var relative = file.GetMetadata("RelativePath").Replace('\\', '/');
            var folder = relative.LastIndexOf('/') > 0 ? relative.Substring(0, relative.LastIndexOf('/') + 1) : string.Empty;
            return folder + Path.GetFileName(file.ItemSpec);
        }

        private List<Suppression> LoadSuppressions(EnvManifest? manifest, string projectDirectory)
        {
            var suppressions = new List<Suppression>();
            string? problem = null;
            if (manifest?.Suppressions is not null)
            {
                Suppressions.Add(manifest.Suppressions, suppressions, ref problem);
            }

            var path = FullPath(string.IsNullOrWhiteSpace(SuppressionsPath) ? SuppressionsFileName : SuppressionsPath!, projectDirectory);
            if (File.Exists(path))
            {
                if (TextFileReader.TryRead(path, 4 * 1024 * 1024, out var json, out var readProblem, out _))
                {
                    suppressions.AddRange(Suppressions.Read(json, out var fileProblem));
                    problem ??= fileProblem;
                }
                else
                {
                    problem = readProblem;
                }

                if (problem is not null)
                {
                    Log.LogWarning(null, null, null, path, 0, 0, 0, 0, "LaunchReady suppressions: " + problem + "; the entries that could be read still apply.");
                }
            }

            return suppressions;
        }
    }
}
