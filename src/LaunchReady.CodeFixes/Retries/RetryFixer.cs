using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LaunchReady.Analyzers.Infrastructure;
using LaunchReady.Analyzers.Retries;
using LaunchReady.CodeFixes.Http;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace LaunchReady.CodeFixes.Retries
{
    /// <summary>
    /// LR0040/LR0041 on Polly: bounded, exponential, jittered retries. v7 forever and immediate forms become
    /// <c>WaitAndRetry(Async)(N, exponential + jitter)</c>; v8 options get N attempts, exponential backoff and
    /// jitter. Hand-written loops get no fix (the docs show the bounded version).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RetryFixer))]
    [Shared]
    public sealed class RetryFixer : CodeFixProvider
    {
        private const string BoundTitle = "Retry a bounded number of times with exponential backoff";
        private const string BackoffTitle = "Use exponential backoff with jitter";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } =
            ImmutableArray.Create(DiagnosticIds.UnboundedRetry, DiagnosticIds.RetryWithoutBackoff);

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
                var attempts = diagnostic.Properties.TryGetValue(RetryRules.AttemptsProperty, out var n) && n is not null ? n : "3";
                var title = diagnostic.Id == DiagnosticIds.UnboundedRetry ? BoundTitle : BackoffTitle;
                var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);

                // v7: .RetryForever(), .Retry(3), .WaitAndRetryForever(provider)
                if (node.FirstAncestorOrSelf<InvocationExpressionSyntax>() is { Expression: MemberAccessExpressionSyntax member } invocation
                    && member.Name.SpanStart == diagnostic.Location.SourceSpan.Start
                    && invocation.ArgumentList.Arguments.Count <= 1)
                {
                    context.RegisterCodeFix(CodeAction.Create(title, ct => RewriteV7Async(context.Document, invocation, member, attempts, ct), title), diagnostic);
                    continue;
                }

                if (node is not ExpressionSyntax value || value.Parent is not AssignmentExpressionSyntax assignment)
                {
                    // WaitAndRetry(int.MaxValue, ...): the count argument itself.
                    if (node is ExpressionSyntax count && count.Parent is ArgumentSyntax)
                    {
                        context.RegisterCodeFix(CodeAction.Create(title, ct => ReplaceAsync(context.Document, count, attempts, ct), title), diagnostic);
                    }

                    continue;
                }

                var property = assignment.Left is MemberAccessExpressionSyntax access ? access.Name.Identifier.ValueText
                    : assignment.Left is IdentifierNameSyntax id ? id.Identifier.ValueText : null;
                context.RegisterCodeFix(CodeAction.Create(title, ct => RewriteV8Async(context.Document, assignment, property, attempts, ct), title), diagnostic);
            }
        }

        private static async Task<Document> RewriteV7Async(Document document, InvocationExpressionSyntax invocation, MemberAccessExpressionSyntax member, string attempts, CancellationToken cancellationToken)
        {
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var name = member.Name.Identifier.ValueText;
            var async = name.EndsWith("Async", System.StringComparison.Ordinal) ? "Async" : string.Empty;
            var count = name.StartsWith("Retry", System.StringComparison.Ordinal) && !name.Contains("Forever") && invocation.ArgumentList.Arguments.Count == 1
                ? invocation.ArgumentList.Arguments[0].Expression.ToString()
                : attempts;
            var timeSpan = HttpCodeFixSyntax.TypeName(model!, invocation.SpanStart, "System", "TimeSpan");
            var math = HttpCodeFixSyntax.TypeName(model!, invocation.SpanStart, "System", "Math");
            var random = HttpCodeFixSyntax.TypeName(model!, invocation.SpanStart, "System", "Random");
            var provider = $"attempt => {timeSpan}.FromSeconds({math}.Pow(2, attempt)) + {timeSpan}.FromMilliseconds({random}.Shared.Next(0, 250))";
            var replacement = SyntaxFactory.ParseExpression($"{member.Expression.WithoutTrivia().ToFullString()}.WaitAndRetry{async}({count}, {provider})")
                .WithTriviaFrom(invocation)
                .WithAdditionalAnnotations(Formatter.Annotation);
            return document.WithSyntaxRoot(root!.ReplaceNode(invocation, replacement));
        }

        private static async Task<Document> ReplaceAsync(Document document, ExpressionSyntax value, string replacement, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            return document.WithSyntaxRoot(root!.ReplaceNode(value, SyntaxFactory.ParseExpression(replacement).WithTriviaFrom(value)));
        }

        // MaxRetryAttempts = N; BackoffType = Exponential and UseJitter = true; Delay = 1 s with both.
        private static async Task<Document> RewriteV8Async(Document document, AssignmentExpressionSyntax assignment, string? property, string attempts, CancellationToken cancellationToken)
        {
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var timeSpan = HttpCodeFixSyntax.TypeName(model!, assignment.SpanStart, "System", "TimeSpan");
            var backoffType = HttpCodeFixSyntax.TypeName(model!, assignment.SpanStart, "Polly", "DelayBackoffType");
            var wanted = new List<(string Property, string Value)>();
            switch (property)
            {
                case "MaxRetryAttempts":
                    wanted.Add(("MaxRetryAttempts", attempts));
                    break;
                case "Delay":
                    wanted.Add(("Delay", $"{timeSpan}.FromSeconds(1)"));
                    wanted.Add(("BackoffType", $"{backoffType}.Exponential"));
                    wanted.Add(("UseJitter", "true"));
                    break;
                default:
                    wanted.Add(("BackoffType", $"{backoffType}.Exponential"));
                    wanted.Add(("UseJitter", "true"));
                    break;
            }

            if (assignment.Parent is InitializerExpressionSyntax initializer)
            {
                var expressions = initializer.Expressions.ToList();
                foreach (var (name, value) in wanted)
                {
                    var index = expressions.FindIndex(e => e is AssignmentExpressionSyntax { Left: IdentifierNameSyntax left } && left.Identifier.ValueText == name);
                    var updated = SyntaxFactory.ParseExpression($"{name} = {value}");
                    if (index >= 0)
                    {
                        expressions[index] = updated.WithTriviaFrom(expressions[index]);
                    }
                    else
                    {
                        expressions.Add(updated);
                    }
                }

                var rewritten = initializer.WithExpressions(SyntaxFactory.SeparatedList(expressions)).WithAdditionalAnnotations(Formatter.Annotation);
                return document.WithSyntaxRoot(root!.ReplaceNode(initializer, rewritten));
            }

            // o.Retry.BackoffType = ...; in a statement: fix this assignment and its siblings on the same receiver.
            var receiver = (assignment.Left as MemberAccessExpressionSyntax)?.Expression.ToString();
            var block = assignment.FirstAncestorOrSelf<BlockSyntax>();
            var siblings = block is null || receiver is null
                ? new List<AssignmentExpressionSyntax> { assignment }
                : block.DescendantNodes().OfType<AssignmentExpressionSyntax>()
                    .Where(a => a.Left is MemberAccessExpressionSyntax m && m.Expression.ToString() == receiver).ToList();
            var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
            foreach (var (name, value) in wanted)
            {
                var existing = siblings.FirstOrDefault(a => a.Left is MemberAccessExpressionSyntax m && m.Name.Identifier.ValueText == name);
                if (existing is not null)
                {
                    replacements[existing.Right] = SyntaxFactory.ParseExpression(value).WithTriviaFrom(existing.Right);
                }
            }

            // Mark the statement so it can be found again after the edits move text around.
            var anchor = new SyntaxAnnotation();
            var original = assignment.FirstAncestorOrSelf<ExpressionStatementSyntax>();
            var nodes = replacements.Keys.Concat(original is null ? Enumerable.Empty<SyntaxNode>() : new[] { original });
            var fixedRoot = root!.ReplaceNodes(nodes, (node, rewritten) =>
                node == original ? rewritten.WithAdditionalAnnotations(anchor) : replacements[node]);
            var missing = wanted.Where(w => !siblings.Any(a => a.Left is MemberAccessExpressionSyntax m && m.Name.Identifier.ValueText == w.Property)).ToList();
            if (missing.Count > 0 && receiver is not null
                && fixedRoot.GetAnnotatedNodes(anchor).FirstOrDefault() is ExpressionStatementSyntax { Parent: BlockSyntax } statement)
            {
                var added = missing.Select(m => SyntaxFactory.ParseStatement($"{receiver}.{m.Property} = {m.Value};").WithAdditionalAnnotations(Formatter.Annotation));
                fixedRoot = fixedRoot.InsertNodesAfter(statement, added);
            }

            return document.WithSyntaxRoot(fixedRoot);
        }
    }
}
