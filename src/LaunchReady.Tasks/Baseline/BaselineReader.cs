using System.IO;
using LaunchReady.Detection.Baseline;
using LaunchReady.Tasks.Infrastructure;

namespace LaunchReady.Tasks.Baseline
{
    /// <summary>Reads launchready.baseline.json from disk for the tasks (the analyzers get it as an AdditionalFile).</summary>
    public static class BaselineReader
    {
        private const long MaxBytes = 64 * 1024 * 1024;

        /// <summary>
        /// The baseline at <paramref name="path"/>: empty when there is none, and when it cannot be read
        /// (then <paramref name="problem"/> says why); a damaged file yields the entries that could be read.
        /// </summary>
        public static BaselineFile Load(string path, out string? problem)
        {
            problem = null;
            if (!File.Exists(path))
            {
                return BaselineFile.Empty;
            }

            if (!TextFileReader.TryRead(path, MaxBytes, out var json, out var readProblem, out _))
            {
                problem = "cannot be read (" + readProblem + ")";
                return BaselineFile.Empty;
            }

            return BaselineFile.Parse(json, out problem);
        }
    }
}
