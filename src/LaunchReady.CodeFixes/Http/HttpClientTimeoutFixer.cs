using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using LaunchReady.Analyzers.Http;
using LaunchReady.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace LaunchReady.CodeFixes.Http
{
    /// <summary>
    /// LR0020: gives the client a timeout — in its initializer, or with <c>.ConfigureHttpClient(...)</c> on a
    /// registration (or <c>.AddStandardResilienceHandler()</c> when the resilience package is referenced).
    /// LR0021: caps the timeout at the configured maximum.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HttpClientTimeoutFixer))]
    [Shared]
    public sealed class HttpClientTimeoutFixer : CodeFixProvider
    {
        private const string SetTimeout = "Set an explicit timeout";
        private const string AddResilience = "Add the standard resilience handler";
        private const string CapTimeout = "Use the maximum timeout";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } =
            ImmutableArray.Create(DiagnosticIds.MissingHttpTimeout, DiagnosticIds.ExcessiveHttpTimeout);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                if (diagnostic.Id == DiagnosticIds.ExcessiveHttpTimeout && node is ExpressionSyntax value)
                {
                    var max = diagnostic.Properties[HttpClientTimeoutAnalyzer.MaxTimeoutSecondsProperty] ?? "30";
                    context.RegisterCodeFix(CodeAction.Create(CapTimeout, ct => ReplaceAsync(context.Document, value, max, ct), CapTimeout), diagnostic);
                    continue;
                }

                var seconds = diagnostic.Properties[HttpClientTimeoutAnalyzer.TimeoutSecondsProperty] ?? "10";
                if (node.FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>() is { } creation && creation.Span == diagnostic.Location.SourceSpan)
                {
                    context.RegisterCodeFix(CodeAction.Create(SetTimeout, ct => InitializeAsync(context.Document, creation, seconds, ct), SetTimeout), diagnostic);
                }
                else if (node.FirstAncestorOrSelf<InvocationExpressionSyntax>() is { } registration)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(SetTimeout, ct => ChainAsync(context.Document, registration, seconds, resilience: false, ct), SetTimeout),
                        diagnostic);
                    if (diagnostic.Properties[HttpClientTimeoutAnalyzer.ResilienceAvailableProperty] == "true")
                    {
                        context.RegisterCodeFix(
                            CodeAction.Create(AddResilience, ct => ChainAsync(context.Document, registration, seconds, resilience: true, ct), AddResilience),
                            diagnostic);
                    }
                }
            }
        }

        // new HttpClient(handler) -> new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) }
        private static async Task<Document> InitializeAsync(Document document, BaseObjectCreationExpressionSyntax creation, string seconds, CancellationToken cancellationToken)
        {
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var timeSpan = HttpCodeFixSyntax.TypeName(model!, creation.SpanStart, "System", "TimeSpan");
            var assignment = SyntaxFactory.ParseExpression($"Timeout = {timeSpan}.FromSeconds({seconds})");
            var initializer = creation.Initializer is null
                ? SyntaxFactory.InitializerExpression(SyntaxKind.ObjectInitializerExpression, SyntaxFactory.SingletonSeparatedList(assignment))
                : creation.Initializer.AddExpressions(assignment);
            var updated = creation.WithInitializer(initializer);
            if (creation is ObjectCreationExpressionSyntax { ArgumentList: null } explicitCreation)
            {
                updated = explicitCreation.WithArgumentList(SyntaxFactory.ArgumentList()).WithInitializer(initializer);
            }

            updated = updated.WithTrailingTrivia(creation.GetTrailingTrivia()).WithAdditionalAnnotations(Formatter.Annotation);
            return document.WithSyntaxRoot(root!.ReplaceNode(creation, updated));
        }

        // services.AddHttpClient<Client>() -> services.AddHttpClient<Client>().ConfigureHttpClient(client => client.Timeout = TimeSpan.FromSeconds(10))
        private static async Task<Document> ChainAsync(Document document, InvocationExpressionSyntax registration, string seconds, bool resilience, CancellationToken cancellationToken)
        {
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var timeSpan = HttpCodeFixSyntax.TypeName(model!, registration.SpanStart, "System", "TimeSpan");
            var call = resilience ? ".AddStandardResilienceHandler()" : $".ConfigureHttpClient(client => client.Timeout = {timeSpan}.FromSeconds({seconds}))";
            var chained = SyntaxFactory.ParseExpression(registration.WithoutTrivia().ToFullString() + call)
                .WithTriviaFrom(registration)
                .WithAdditionalAnnotations(Formatter.Annotation);
            return document.WithSyntaxRoot(root!.ReplaceNode(registration, chained));
        }

        // Timeout.InfiniteTimeSpan -> TimeSpan.FromSeconds(30); Policy.TimeoutAsync(600) -> Policy.TimeoutAsync(30);
        // a readonly field or property of this file that holds the value gets the new value in its declaration.
        private static async Task<Document> ReplaceAsync(Document document, ExpressionSyntax value, string max, CancellationToken cancellationToken)
        {
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (DeclaredValue(model!, value, cancellationToken) is { } declared && declared.SyntaxTree == root!.SyntaxTree)
            {
                value = declared;
            }

            var isNumber = model!.GetTypeInfo(value, cancellationToken).ConvertedType?.SpecialType == SpecialType.System_Int32;
            var replacement = isNumber
                ? SyntaxFactory.ParseExpression(max)
                : SyntaxFactory.ParseExpression($"{HttpCodeFixSyntax.TypeName(model!, value.SpanStart, "System", "TimeSpan")}.FromSeconds({max})");
            return document.WithSyntaxRoot(root!.ReplaceNode(value, replacement.WithTriviaFrom(value)));
        }

        // private static readonly TimeSpan ExportTimeout = TimeSpan.FromMinutes(5): the value the analyzer judged.
        private static ExpressionSyntax? DeclaredValue(SemanticModel model, ExpressionSyntax value, CancellationToken cancellationToken)
        {
            var symbol = model.GetSymbolInfo(value, cancellationToken).Symbol;
            if (symbol is not (IFieldSymbol or IPropertySymbol) || symbol.DeclaringSyntaxReferences.Length != 1)
            {
                return null;
            }

            return symbol.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) switch
            {
                VariableDeclaratorSyntax field => field.Initializer?.Value,
                PropertyDeclarationSyntax property => property.Initializer?.Value ?? property.ExpressionBody?.Expression,
                _ => null,
            };
        }
    }
}
