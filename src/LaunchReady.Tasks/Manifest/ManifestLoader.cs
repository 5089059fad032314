using System.Collections.Generic;
using System.IO;
using LaunchReady.Detection.Manifest;
using LaunchReady.Tasks.Infrastructure;

namespace LaunchReady.Tasks.Manifest
{
    /// <summary>Finds and reads the project's manifest: the JSON manifest, or else a <c>.env.example</c> next to the project.</summary>
    public static class ManifestLoader
    {
        public const string DotEnvExampleName = ".env.example";

        // Far beyond any hand-written manifest; a bigger file is a mistake, not a manifest.
        private const long MaxManifestBytes = 4 * 1024 * 1024;

        /// <summary>
        /// The manifest to check, or null when the project has neither file. An unreadable manifest comes back
        /// as an empty manifest whose only problem is the LR1001 saying why.
        /// </summary>
        public static EnvManifest? Load(string manifestPath, string projectDirectory, IEnumerable<string>? extraPublicPrefixes, out string sourcePath)
        {
            sourcePath = manifestPath;
            if (!File.Exists(manifestPath))
            {
                var example = Path.Combine(projectDirectory, DotEnvExampleName);
                if (!File.Exists(example))
                {
                    return null;
                }

                sourcePath = example;
                return TextFileReader.TryRead(example, MaxManifestBytes, out var exampleText, out var exampleProblem, out var exampleLine)
                    ? EnvManifestReader.ReadDotEnvExample(exampleText, extraPublicPrefixes)
                    : Unreadable(exampleProblem!, exampleLine);
            }

            return TextFileReader.TryRead(manifestPath, MaxManifestBytes, out var text, out var problem, out var line)
                ? EnvManifestReader.Read(text, extraPublicPrefixes)
                : Unreadable(problem!, line);
        }

        private static EnvManifest Unreadable(string problem, int line)
        {
            // Offsets count characters; an empty text of `line - 1` newlines puts the problem on its line.
            var text = new string('\n', line > 1 ? line - 1 : 0);
            var manifest = new EnvManifest(text, fromDotEnvExample: false);
            manifest.Problems.Add(new ManifestProblem(EnvManifestReader.MalformedRule, "The env manifest cannot be read: " + problem + ".", text.Length));
            return manifest;
        }
    }
}
