using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using LaunchReady.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace LaunchReady.CodeFixes.Urls
{
    /// <summary>LR0011: rewrites <c>http://</c> to <c>https://</c> where the URL is written out in the source.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HardcodedUrlFixer))]
    [Shared]
    public sealed class HardcodedUrlFixer : CodeFixProvider
    {
        private const string Title = "Use https";
        private const string InsecurePrefix = "http://";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.InsecureHttpUrl);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var text = await context.Document.GetTextAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in context.Diagnostics)
            {
                var span = diagnostic.Location.SourceSpan;
                if (!StartsWithHttp(text, span))
                {
                    // The finding covers a whole folded expression; there is no single spot to rewrite.
                    continue;
                }

                var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
                var token = root?.FindToken(span.Start) ?? default;
                if (!IsStringToken(token))
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(Title, ct => UseHttpsAsync(context.Document, span.Start, ct), equivalenceKey: Title),
                    diagnostic);
            }
        }

        private static bool StartsWithHttp(SourceText text, TextSpan span) =>
            span.Length >= InsecurePrefix.Length
            && string.Equals(text.ToString(new TextSpan(span.Start, InsecurePrefix.Length)), InsecurePrefix, System.StringComparison.OrdinalIgnoreCase);

        private static bool IsStringToken(SyntaxToken token) =>
            token.IsKind(SyntaxKind.StringLiteralToken)
            || token.IsKind(SyntaxKind.InterpolatedStringTextToken)
            || token.IsKind(SyntaxKind.Utf8StringLiteralToken)
            || token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken)
            || token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken)
            || token.IsKind(SyntaxKind.Utf8SingleLineRawStringLiteralToken)
            || token.IsKind(SyntaxKind.Utf8MultiLineRawStringLiteralToken);

        private static async Task<Document> UseHttpsAsync(Document document, int start, CancellationToken cancellationToken)
        {
            var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            return document.WithText(text.Replace(new TextSpan(start, InsecurePrefix.Length), "https://"));
        }
    }
}
