using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using LaunchReady.Analyzers.Config;
using LaunchReady.Analyzers.Infrastructure;
using LaunchReady.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace LaunchReady.CodeFixes.Config
{
    /// <summary>LR0050: declares the key the code reads in the env manifest, as a required variable named the way the process sees it.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UndeclaredConfigKeyFixer))]
    [Shared]
    public sealed class UndeclaredConfigKeyFixer : CodeFixProvider
    {
        private const string Title = "Declare it in the env manifest";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UndeclaredConfigKey);

        public override FixAllProvider GetFixAllProvider() => new SolutionFixAll(Title, FixAsync);

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (VariableOf(diagnostic) is not null && EnvManifestEditor.Find(context.Document.Project, ManifestPathOf(diagnostic)) is not null)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            $"Declare '{VariableOf(diagnostic)}' in the env manifest",
                            ct => FixAsync(context.Document.Project.Solution, new[] { (context.Document.Id, ImmutableArray.Create(diagnostic)) }, ct),
                            equivalenceKey: Title),
                        diagnostic);
                }
            }

            return Task.CompletedTask;
        }

        private static async Task<Solution> FixAsync(
            Solution solution,
            IEnumerable<(DocumentId Document, ImmutableArray<Diagnostic> Diagnostics)> work,
            CancellationToken cancellationToken)
        {
            var byManifest = new Dictionary<(ProjectId, string?), SortedSet<string>>();
            foreach (var (documentId, diagnostics) in work)
            {
                foreach (var diagnostic in diagnostics)
                {
                    var variable = VariableOf(diagnostic);
                    if (variable is null)
                    {
                        continue;
                    }

                    var key = (documentId.ProjectId, ManifestPathOf(diagnostic));
                    if (!byManifest.TryGetValue(key, out var names))
                    {
                        names = new SortedSet<string>(System.StringComparer.Ordinal);
                        byManifest[key] = names;
                    }

                    names.Add(variable);
                }
            }

            foreach (var pair in byManifest)
            {
                solution = await EnvManifestEditor.DeclareAsync(solution, pair.Key.Item1, pair.Key.Item2, pair.Value, EnvManifestEditor.ReadEntry, cancellationToken).ConfigureAwait(false);
            }

            return solution;
        }

        private static string? VariableOf(Diagnostic diagnostic) =>
            diagnostic.Properties.TryGetValue(UndeclaredConfigKeyAnalyzer.VariableProperty, out var name) && !string.IsNullOrEmpty(name) ? name : null;

        private static string? ManifestPathOf(Diagnostic diagnostic) =>
            diagnostic.Properties.TryGetValue(UndeclaredConfigKeyAnalyzer.ManifestProperty, out var path) && !string.IsNullOrEmpty(path) ? path : null;
    }
}
