using System.Collections.Generic;
using System.Linq;

using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace LaunchReady.CodeFixes.Infrastructure
{
    /// <summary>
    /// Declares variables in the project's env manifest (an AdditionalFile: launchready.env.json, the
    /// file named by LaunchReadyEnvManifest, or a .env.example), leaving everything else in the file as it
    /// was. Names only: never a value.
    /// </summary>
    internal static class EnvManifestEditor
    {
        public const string FileName = "launchready.env.json";
        public const string DotEnvExampleName = ".env.example";

        public const string SecretEntry = "{ \"description\": \"Moved out of source code: set it in user secrets or the environment\", \"secret\": true, \"required\": true }";
        public const string ReadEntry = "{ \"required\": true }";

        public static Task<Solution> DeclareSecretsAsync(Solution solution, ProjectId projectId, IEnumerable<string> names, CancellationToken cancellationToken) =>
            DeclareAsync(solution, projectId, null, names, SecretEntry, cancellationToken);

        /// <summary>Adds the names to the manifest at <paramref name="manifestPath"/> (or the project's launchready.env.json / .env.example) with the given JSON entry.</summary>
        public static async Task<Solution> DeclareAsync(Solution solution, ProjectId projectId, string? manifestPath, IEnumerable<string> names, string entry, CancellationToken cancellationToken)
        {
            var manifest = Find(solution.GetProject(projectId), manifestPath);
            if (manifest is null)
            {
                return solution;
            }

            var text = await manifest.GetTextAsync(cancellationToken).ConfigureAwait(false);
            var isDotEnv = string.Equals(FileNameOf(manifest), DotEnvExampleName, System.StringComparison.OrdinalIgnoreCase);
            var updated = isDotEnv ? DeclareInDotEnv(text.ToString(), names) : Declare(text.ToString(), names, entry);
            return updated is null ? solution : solution.WithAdditionalDocumentText(manifest.Id, SourceText.From(updated, text.Encoding));
        }

        public static TextDocument? Find(Project? project, string? manifestPath)
        {
            if (project is null)
            {
                return null;
            }

            var documents = project.AdditionalDocuments.ToList();
            return documents.FirstOrDefault(d => manifestPath is not null && string.Equals(d.FilePath, manifestPath, System.StringComparison.OrdinalIgnoreCase))
                ?? documents.FirstOrDefault(d => string.Equals(FileNameOf(d), FileName, System.StringComparison.OrdinalIgnoreCase))
                ?? documents.FirstOrDefault(d => string.Equals(FileNameOf(d), DotEnvExampleName, System.StringComparison.OrdinalIgnoreCase));
        }

        private static string FileNameOf(TextDocument document) => System.IO.Path.GetFileName(document.FilePath ?? document.Name);

        /// <summary>A .env.example with "NAME=" lines added for the missing names.</summary>
        internal static string? DeclareInDotEnv(string text, IEnumerable<string> names)
        {
            var missing = names.Where(n => !Regex.IsMatch(text, "(?m)^\\s*(export\\s+)?" + Regex.Escape(n) + "\\s*=")).ToList();
            if (missing.Count == 0)
            {
                return null;
            }

            var separator = text.Length == 0 || text.EndsWith("\n", System.StringComparison.Ordinal) ? string.Empty : "\n";
            return text + separator + string.Concat(missing.Select(n => n + "=\n"));
        }

        /// <summary>The manifest with the missing names added to "variables"; null when nothing changes or the file is not an object.</summary>
        internal static string? Declare(string json, IEnumerable<string> names, string entry = SecretEntry)
        {
            var missing = names.Where(n => !Regex.IsMatch(json, "\"" + Regex.Escape(n) + "\"\\s*:")).ToList();
            if (missing.Count == 0)
            {
                return null;
            }

            var variables = Regex.Match(json, "\"variables\"\\s*:\\s*\\{");
            if (variables.Success)
            {
                // Append after the last declared variable, so existing entries keep their order.
                var end = MatchingBrace(json, variables.Index + variables.Length - 1);
                if (end < 0)
                {
                    return null;
                }

                var body = json.Substring(0, end).TrimEnd();
                var comma = body.EndsWith("{", System.StringComparison.Ordinal) ? string.Empty : ",";
                return body + comma + JoinEntries(missing, entry) + "\n  " + json.Substring(end);
            }

            var close = json.LastIndexOf('}');
            if (close < 0)
            {
                return null;
            }

            var root = json.Substring(0, close).TrimEnd();
            var separator = root.EndsWith("{", System.StringComparison.Ordinal) ? string.Empty : ",";
            return root + separator + "\n  \"variables\": {" + JoinEntries(missing, entry) + "\n  }\n" + json.Substring(close);
        }

        // Index of the '}' closing the object that opens at `open`, skipping strings; -1 when unbalanced.
        private static int MatchingBrace(string json, int open)
        {
            var depth = 0;
            for (var i = open; i < json.Length; i++)
            {
                switch (json[i])
                {
                    case '"':
                        for (i++; i < json.Length && json[i] != '"'; i++)
                        {
                            if (json[i] == '\\')
                            {
                                i++;
                            }
                        }

                        break;
                    case '{':
                        depth++;
                        break;
                    case '}':
                        if (--depth == 0)
                        {
                            return i;
                        }

                        break;
                }
            }

            return -1;
        }

        private static string JoinEntries(IReadOnlyList<string> names, string entry) =>
            string.Join(",", names.Select(n => "\n    \"" + n + "\": " + entry));
    }
}
