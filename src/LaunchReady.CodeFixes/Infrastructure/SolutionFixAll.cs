using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace LaunchReady.CodeFixes.Infrastructure
{
    /// <summary>
    /// Fix-all for fixes that also edit a project file other than the document (the env manifest): all
    /// diagnostics in scope go to one solution-level fix, so the manifest is edited once, not per document.
    /// </summary>
    internal sealed class SolutionFixAll : FixAllProvider
    {
        private readonly string title;
        private readonly Func<Solution, IReadOnlyList<(DocumentId Document, ImmutableArray<Diagnostic> Diagnostics)>, CancellationToken, Task<Solution>> fix;

        public SolutionFixAll(string title, Func<Solution, IReadOnlyList<(DocumentId Document, ImmutableArray<Diagnostic> Diagnostics)>, CancellationToken, Task<Solution>> fix)
        {
            this.title = title;
            this.fix = fix;
        }

        public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            var documents = fixAllContext.Scope switch
            {
                FixAllScope.Document when fixAllContext.Document is not null => new[] { fixAllContext.Document },
                FixAllScope.Project => fixAllContext.Project.Documents.ToArray(),
                FixAllScope.Solution => fixAllContext.Solution.Projects.SelectMany(p => p.Documents).ToArray(),
                _ => Array.Empty<Document>(),
            };

            var work = new List<(DocumentId, ImmutableArray<Diagnostic>)>();
            foreach (var document in documents)
            {
                var diagnostics = await fixAllContext.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);
                if (!diagnostics.IsEmpty)
                {
                    work.Add((document.Id, diagnostics));
                }
            }

            return work.Count == 0
                ? null
                : CodeAction.Create(title, ct => fix(fixAllContext.Solution, work, ct), equivalenceKey: title);
        }
    }
}
