using System.Collections.Generic;
using System.Linq;

using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace LaunchReady.CodeFixes.Secrets
{
    /// <summary>
    /// Declares variables in the project's launchready.env.json (an AdditionalFile) as required
    /// secrets, leaving everything else in the file as it was. Names only: never a value.
    /// </summary>
    internal static class EnvManifestEditor
    {
        public const string FileName = "launchready.env.json";

        public static async Task<Solution> DeclareSecretsAsync(Solution solution, ProjectId projectId, IEnumerable<string> names, CancellationToken cancellationToken)
        {
            var manifest = solution.GetProject(projectId)?.AdditionalDocuments
                .FirstOrDefault(d => string.Equals(System.IO.Path.GetFileName(d.FilePath ?? d.Name), FileName, System.StringComparison.OrdinalIgnoreCase));
            if (manifest is null)
            {
                return solution;
            }

            var text = await manifest.GetTextAsync(cancellationToken).ConfigureAwait(false);
            var updated = Declare(text.ToString(), names);
            return updated is null ? solution : solution.WithAdditionalDocumentText(manifest.Id, SourceText.From(updated, text.Encoding));
        }

        /// <summary>The manifest with the missing names added to "variables"; null when nothing changes or the file is not an object.</summary>
        internal static string? Declare(string json, IEnumerable<string> names)
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
                return body + comma + JoinEntries(missing) + "\n  " + json.Substring(end);
            }

            var close = json.LastIndexOf('}');
            if (close < 0)
            {
                return null;
            }

            var root = json.Substring(0, close).TrimEnd();
            var separator = root.EndsWith("{", System.StringComparison.Ordinal) ? string.Empty : ",";
            return root + separator + "\n  \"variables\": {" + JoinEntries(missing) + "\n  }\n" + json.Substring(close);
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

        private static string JoinEntries(IReadOnlyList<string> names) =>
            string.Join(",", names.Select(n => "\n    \"" + n + "\": { \"description\": \"Moved out of source code: set it in user secrets or the environment\", \"secret\": true, \"required\": true }"));
    }
}
