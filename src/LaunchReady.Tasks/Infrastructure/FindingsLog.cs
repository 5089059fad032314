using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using LaunchReady.Detection.Json;

namespace LaunchReady.Tasks.Infrastructure
{
    /// <summary>A task finding as it was reported, with its baseline identity.</summary>
    public sealed class LoggedFinding
    {
        public LoggedFinding(TaskFinding finding, bool isError, string path, string fingerprint, bool baselined)
            : this(finding.RuleId, finding.File, finding.Line, finding.Column, finding.Message, isError, path, fingerprint, baselined)
        {
        }

        public LoggedFinding(string ruleId, string file, int line, int column, string message, bool isError, string path, string fingerprint, bool baselined)
        {
            RuleId = ruleId;
            File = file;
            Line = line;
            Column = column;
            Message = message;
            IsError = isError;
            Path = path;
            Fingerprint = fingerprint;
            Baselined = baselined;
        }

        public string RuleId { get; }

        public string File { get; }

        public int Line { get; }

        public int Column { get; }

        public string Message { get; }

        public bool IsError { get; }

        /// <summary>The path the baseline knows the file by.</summary>
        public string Path { get; }

        public string Fingerprint { get; }

        public bool Baselined { get; }
    }

    /// <summary>
    /// Each task run leaves its findings in a small JSON file under obj/, because a target skipped as up
    /// to date reports nothing: the SARIF writer and the baseline read these files instead of build output.
    /// Messages are the redacted ones MSBuild printed; no value is ever written here.
    /// </summary>
    public static class FindingsLog
    {
        public static void Write(string path, IEnumerable<LoggedFinding> findings)
        {
            var builder = new StringBuilder("{\"findings\":[");
            var first = true;
            foreach (var f in findings)
            {
                builder.Append(first ? "\n" : ",\n");
                first = false;
                builder.Append("{\"rule\":").Append(JsonText.Quote(f.RuleId))
                    .Append(",\"file\":").Append(JsonText.Quote(f.File))
                    .Append(",\"line\":").Append(f.Line.ToString(CultureInfo.InvariantCulture))
                    .Append(",\"column\":").Append(f.Column.ToString(CultureInfo.InvariantCulture))
                    .Append(",\"level\":").Append(f.IsError ? "\"error\"" : "\"warning\"")
                    .Append(",\"message\":").Append(JsonText.Quote(f.Message))
                    .Append(",\"path\":").Append(JsonText.Quote(f.Path))
                    .Append(",\"fingerprint\":").Append(JsonText.Quote(f.Fingerprint))
                    .Append(",\"baselined\":").Append(f.Baselined ? "true" : "false")
                    .Append('}');
            }

            builder.Append("\n]}\n");
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
            System.IO.File.WriteAllText(path, builder.ToString(), new UTF8Encoding(false));
        }

        /// <summary>Findings of a file written by <see cref="Write"/>; a missing or damaged file reads as none.</summary>
        public static List<LoggedFinding> Read(string path)
        {
            var result = new List<LoggedFinding>();
            if (!TextFileReader.TryRead(path, 64 * 1024 * 1024, out var json, out _, out _))
            {
                return result;
            }

            foreach (var item in JsonText.ArrayProperty(StrictJsonParser.Parse(json).Root, "findings"))
            {
                var rule = JsonText.StringProperty(item, "rule");
                var fingerprint = JsonText.StringProperty(item, "fingerprint");
                if (rule is null || fingerprint is null)
                {
                    continue;
                }

                result.Add(new LoggedFinding(
                    rule,
                    JsonText.StringProperty(item, "file") ?? string.Empty,
                    JsonText.IntProperty(item, "line"),
                    JsonText.IntProperty(item, "column"),
                    JsonText.StringProperty(item, "message") ?? string.Empty,
                    JsonText.StringProperty(item, "level") != "warning",
                    JsonText.StringProperty(item, "path") ?? string.Empty,
                    fingerprint,
                    JsonText.Property(item, "baselined")?.Kind == JsonKind.True));
            }

            return result;
        }
    }
}
