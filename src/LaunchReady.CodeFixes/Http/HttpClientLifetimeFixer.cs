using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LaunchReady.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace LaunchReady.CodeFixes.Http
{
    /// <summary>LR0024: gives a long-lived client a SocketsHttpHandler whose connections are recycled every two minutes.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HttpClientLifetimeFixer))]
    [Shared]
    public sealed class HttpClientLifetimeFixer : CodeFixProvider
    {
        private const string Title = "Recycle connections with PooledConnectionLifetime";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.StaleDnsHttpClient);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in context.Diagnostics)
            {
                var creation = root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>();
                if (creation is null)
                {
                    continue;
                }

                var arguments = creation.ArgumentList?.Arguments ?? default;
                var handler = arguments.Count == 1 ? arguments[0].Expression as BaseObjectCreationExpressionSyntax : null;
                var isSockets = handler is ObjectCreationExpressionSyntax { Type: var type } && type.ToString().EndsWith("SocketsHttpHandler", System.StringComparison.Ordinal);
                if (arguments.Count == 0 || isSockets)
                {
                    context.RegisterCodeFix(CodeAction.Create(Title, ct => FixAsync(context.Document, creation, isSockets ? handler : null, ct), Title), diagnostic);
                }
            }
        }

        private static async Task<Document> FixAsync(Document document, BaseObjectCreationExpressionSyntax creation, BaseObjectCreationExpressionSyntax? handler, CancellationToken cancellationToken)
        {
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var timeSpan = HttpCodeFixSyntax.TypeName(model!, creation.SpanStart, "System", "TimeSpan");
            var lifetime = SyntaxFactory.ParseExpression($"PooledConnectionLifetime = {timeSpan}.FromMinutes(2)");
            if (handler is not null)
            {
                var initializer = handler.Initializer is null
                    ? SyntaxFactory.InitializerExpression(SyntaxKind.ObjectInitializerExpression, SyntaxFactory.SingletonSeparatedList(lifetime))
                    : handler.Initializer.AddExpressions(lifetime);
                return document.WithSyntaxRoot(root!.ReplaceNode(handler, handler.WithInitializer(initializer).WithAdditionalAnnotations(Formatter.Annotation)));
            }

            var sockets = HttpCodeFixSyntax.TypeName(model!, creation.SpanStart, "System.Net.Http", "SocketsHttpHandler");
            var argument = SyntaxFactory.Argument(SyntaxFactory.ParseExpression($"new {sockets} {{ PooledConnectionLifetime = {timeSpan}.FromMinutes(2) }}"));
            var updated = creation.WithArgumentList(SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(argument)))
                .WithTriviaFrom(creation)
                .WithAdditionalAnnotations(Formatter.Annotation);
            return document.WithSyntaxRoot(root!.ReplaceNode(creation, updated));
        }
    }
}
