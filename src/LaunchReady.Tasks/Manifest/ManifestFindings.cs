using System.Collections.Generic;
using System.Linq;
using LaunchReady.Detection.Manifest;
using LaunchReady.Tasks.Infrastructure;

namespace LaunchReady.Tasks.Manifest
{
    public static class ManifestFindings
    {
        /// <summary>The manifest's own problems (LR1001, LR1004) as findings in the manifest file.</summary>
        public static List<TaskFinding> Of(EnvManifest manifest, string manifestPath)
        {
            var findings = new List<TaskFinding>();
            foreach (var problem in manifest.Problems.OrderBy(p => p.Offset))
            {
                var position = manifest.PositionOf(problem.Offset);
                findings.Add(new TaskFinding(problem.RuleId, manifestPath, position.Line, position.Column, problem.Message));
            }

            return findings;
        }
    }
}
