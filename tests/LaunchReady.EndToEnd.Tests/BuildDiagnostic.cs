using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace LaunchReady.EndToEnd.Tests
{
    /// <summary>One line of MSBuild's canonical error format: <c>path(line,col): warning LR0010: message [project]</c>.</summary>
    public sealed record BuildDiagnostic(string Path, int Line, int Column, string Severity, string Id, string Message)
    {
        private static readonly Regex Canonical = new(
            @"^(?<path>.+?)\((?<line>\d+),(?<column>\d+)\): (?<severity>warning|error) (?<id>[A-Z]+\d+): (?<message>.*?)(?: \[[^\]]+\])?$",
            RegexOptions.Compiled | RegexOptions.Multiline);

        /// <summary>Diagnostics as the build logged them, without the repeat in MSBuild's closing summary.</summary>
        public static IReadOnlyList<BuildDiagnostic> Parse(string output) =>
            Canonical.Matches(WithoutSummary(output.Replace("\r", string.Empty)))
                .Select(m => new BuildDiagnostic(
                    m.Groups["path"].Value.Trim(),
                    int.Parse(m.Groups["line"].Value),
                    int.Parse(m.Groups["column"].Value),
                    m.Groups["severity"].Value,
                    m.Groups["id"].Value,
                    m.Groups["message"].Value))
                .ToList();

        // "path : error LR1012: message [project]": a finding about a whole file, which has no line.
        private static readonly Regex FileLevel = new(
            @"^(?<path>\S.*?) : (?<severity>warning|error) (?<id>LR\d+): (?<message>.*?)(?: \[[^\]]+\])?$",
            RegexOptions.Compiled | RegexOptions.Multiline);

        /// <summary>LaunchReady findings about whole files (assemblies, server-only files), reported without a line.</summary>
        public static IReadOnlyList<BuildDiagnostic> LaunchReadyFileLevel(string output) =>
            FileLevel.Matches(WithoutSummary(output.Replace("\r", string.Empty)))
                .Select(m => new BuildDiagnostic(m.Groups["path"].Value.Trim(), 0, 0, m.Groups["severity"].Value, m.Groups["id"].Value, m.Groups["message"].Value))
                .ToList();

        public static IReadOnlyList<BuildDiagnostic> LaunchReady(string output) =>
            Parse(output).Where(d => d.Id.StartsWith("LR", StringComparison.Ordinal)).ToList();

        private static string WithoutSummary(string output)
        {
            var summary = Math.Max(output.LastIndexOf("\nBuild succeeded.", StringComparison.Ordinal), output.LastIndexOf("\nBuild FAILED.", StringComparison.Ordinal));
            return summary < 0 ? output : output.Substring(0, summary);
        }

        public string FileName => System.IO.Path.GetFileName(Path);

        public override string ToString() => $"{Path}({Line},{Column}): {Severity} {Id}: {Message}";
    }

    public static class SourcePosition
    {
        /// <summary>1-based line and column of the first occurrence of <paramref name="marker"/> in a file.</summary>
        public static (int Line, int Column) Of(string file, string marker)
        {
            var lines = File.ReadAllText(file).Replace("\r", string.Empty).Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var column = lines[i].IndexOf(marker, StringComparison.Ordinal);
                if (column >= 0)
                {
                    return (i + 1, column + 1);
                }
            }

            throw new InvalidOperationException($"'{marker}' not found in {file}");
        }
    }
}
