using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using LaunchReady.Tasks.Infrastructure;
using Microsoft.Build.Framework;

namespace LaunchReady.Tasks.Sarif
{
    /// <summary>-p:LaunchReadySarif=path: the tasks' findings of this build (manifest, environment, bundles) as SARIF 2.1.0.</summary>
    public sealed class WriteLaunchReadySarif : LaunchReadyTask
    {
        [Required]
        public string OutputFile { get; set; } = string.Empty;

        public ITaskItem[] FindingsFiles { get; set; } = Array.Empty<ITaskItem>();

        protected override void Run()
        {
            var findings = FindingsFiles.SelectMany(file => FindingsLog.Read(file.ItemSpec)).ToList();
            var version = typeof(SarifLog).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            var plus = version.IndexOf('+');
            var output = Path.GetFullPath(OutputFile);
            Directory.CreateDirectory(Path.GetDirectoryName(output)!);
            File.WriteAllText(output, SarifLog.Write(findings, plus > 0 ? version.Substring(0, plus) : version), new UTF8Encoding(false));
            Log.LogMessage(MessageImportance.Normal, "LaunchReady: wrote {0} task findings to {1}.", findings.Count, output);
        }
    }
}
