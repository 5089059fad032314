using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LaunchReady.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace LaunchReady.CodeFixes.EntityFramework
{
    /// <summary>
    /// LR0032: moves a save that ends the loop body to just after the loop, so all items are written in
    /// one round trip. Offered only when nothing in the body comes after the save and the save does not
    /// use the loop's variables.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SaveChangesInLoopFixer))]
    [Shared]
    public sealed class SaveChangesInLoopFixer : CodeFixProvider
    {
        private const string Title = "Save once after the loop";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.SaveChangesInLoop);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in context.Diagnostics)
            {
                var save = root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<ExpressionStatementSyntax>();
                if (save?.Parent is BlockSyntax body && body.Statements.Last() == save && body.Parent is StatementSyntax loop
                    && loop is ForEachStatementSyntax or ForStatementSyntax or WhileStatementSyntax or DoStatementSyntax
                    && !UsesLoopVariables(save, loop))
                {
                    context.RegisterCodeFix(CodeAction.Create(Title, ct => MoveAsync(context.Document, save, loop, ct), Title), diagnostic);
                }
            }
        }

        private static bool UsesLoopVariables(ExpressionStatementSyntax save, StatementSyntax loop)
        {
            var declared = loop switch
            {
                ForEachStatementSyntax forEach => new[] { forEach.Identifier.ValueText },
                ForStatementSyntax forLoop => forLoop.Declaration?.Variables.Select(v => v.Identifier.ValueText).ToArray() ?? new string[0],
                _ => new string[0],
            };

            var locals = loop.DescendantNodes().OfType<VariableDeclaratorSyntax>().Select(v => v.Identifier.ValueText).Concat(declared).ToImmutableHashSet();
            return save.DescendantNodes().OfType<IdentifierNameSyntax>().Any(id => locals.Contains(id.Identifier.ValueText));
        }

        private static async Task<Document> MoveAsync(Document document, ExpressionStatementSyntax save, StatementSyntax loop, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var trackedRoot = root!.TrackNodes(save, loop);
            trackedRoot = trackedRoot.RemoveNode(trackedRoot.GetCurrentNode(save)!, SyntaxRemoveOptions.KeepNoTrivia)!;
            var currentLoop = trackedRoot.GetCurrentNode(loop)!;
            var moved = save.WithLeadingTrivia(loop.GetLeadingTrivia()).WithAdditionalAnnotations(Formatter.Annotation);
            trackedRoot = trackedRoot.InsertNodesAfter(currentLoop, new[] { moved });
            return document.WithSyntaxRoot(trackedRoot);
        }
    }
}
