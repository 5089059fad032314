using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using LaunchReady.Analyzers.Http;
using LaunchReady.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LaunchReady.Analyzers.Retries
{
    /// <summary>
    /// LR0040/LR0041 for hand-written retries: a loop (<c>while (true)</c>, <c>for (;;)</c>, <c>do ... while (true)</c>,
    /// <c>while (!done)</c>) or a <c>goto</c> back-edge whose <c>try</c> leaves on success and whose <c>catch</c>
    /// goes round again. Unbounded when nothing — counter, deadline, cancellation, rethrow — ends the
    /// retrying; without backoff when the catch path does not wait, or only waits a constant time.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RetryLoopAnalyzer : DiagnosticAnalyzer
    {
        private static readonly string[] Waits = { "Delay", "Sleep", "WaitAsync", "SpinWait" };

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(RetryRules.UnboundedRule, RetryRules.NoBackoffRule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var testCode = TestCodeFilter.Create(start.Compilation, start.Options);
                start.RegisterSyntaxNodeAction(
                    c => { if (!testCode.ShouldSkip(c.Node.SyntaxTree)) AnalyzeLoop(c); },
                    SyntaxKind.WhileStatement,
                    SyntaxKind.DoStatement,
                    SyntaxKind.ForStatement);
                start.RegisterSyntaxNodeAction(c => { if (!testCode.ShouldSkip(c.Node.SyntaxTree)) AnalyzeGoto(c); }, SyntaxKind.GotoStatement);
            });
        }

        private static void AnalyzeLoop(SyntaxNodeAnalysisContext context)
        {
            var (body, condition, keyword) = context.Node switch
            {
                WhileStatementSyntax w => (w.Statement, w.Condition, w.WhileKeyword),
                DoStatementSyntax d => (d.Statement, d.Condition, d.DoKeyword),
                ForStatementSyntax f => (f.Statement, f.Condition, f.ForKeyword),
                _ => default,
            };

            // A retry loop: a try that leaves the loop when the call succeeds, and a catch that lets it go round again.
            var attempt = body?.DescendantNodes(n => n is not AnonymousFunctionExpressionSyntax && n is not LocalFunctionStatementSyntax)
                .OfType<TryStatementSyntax>()
                .FirstOrDefault(t => t.Catches.Count > 0 && LeavesOnSuccess(t.Block, context.Node) && t.Catches.Any(c => ContinuesAfter(c.Block, context.Node)));
            // Resolving an optimistic-concurrency conflict (reload, merge, save again) is not retrying a transient failure.
            if (body is null || attempt is null || attempt.Catches.All(c => c.Declaration?.Type.ToString().EndsWith("DbUpdateConcurrencyException", System.StringComparison.Ordinal) == true))
            {
                return;
            }

            var endless = condition is null || IsConstantTrue(condition) || IsNotDone(condition, attempt);
            var bounded = !endless || HasBound(body, attempt) || (condition is not null && MentionsBound(condition));
            var location = Location.Create(context.Node.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(keyword.SpanStart, keyword.Span.End));
            var properties = ImmutableDictionary<string, string?>.Empty;
            if (!bounded)
            {
                context.ReportDiagnostic(Finding.Create(RetryRules.UnboundedRule, location, properties, "This retry loop", RetryRules.WithoutEnd));
            }
            else if (WaitsAtFixedPace(context.SemanticModel, RetryWaits(body, attempt), context.CancellationToken))
            {
                context.ReportDiagnostic(Finding.Create(RetryRules.NoBackoffRule, location, properties, "This retry loop"));
            }
        }

        // retry: try { ... } catch { goto retry; }
        private static void AnalyzeGoto(SyntaxNodeAnalysisContext context)
        {
            var jump = (GotoStatementSyntax)context.Node;
            var catchClause = jump.FirstAncestorOrSelf<CatchClauseSyntax>();
            if (catchClause is null || jump.Expression is not IdentifierNameSyntax target || catchClause.Parent is not TryStatementSyntax attempt)
            {
                return;
            }

            var label = jump.FirstAncestorOrSelf<MemberDeclarationSyntax>()?.DescendantNodes().OfType<LabeledStatementSyntax>()
                .FirstOrDefault(l => l.Identifier.ValueText == target.Identifier.ValueText);
            if (label is null || label.SpanStart > attempt.SpanStart)
            {
                return;
            }

            var unconditional = jump.Parent == catchClause.Block;
            var location = jump.GetLocation();
            if (unconditional && !HasBound(catchClause.Block, attempt))
            {
                context.ReportDiagnostic(Finding.Create(RetryRules.UnboundedRule, location, ImmutableDictionary<string, string?>.Empty, "This goto retry", RetryRules.WithoutEnd));
            }
            else if (WaitsAtFixedPace(context.SemanticModel, catchClause.Block.DescendantNodes().OfType<InvocationExpressionSyntax>().Where(IsWait), context.CancellationToken))
            {
                context.ReportDiagnostic(Finding.Create(RetryRules.NoBackoffRule, location, ImmutableDictionary<string, string?>.Empty, "This goto retry"));
            }
        }

        private static bool IsConstantTrue(ExpressionSyntax condition) => condition.IsKind(SyntaxKind.TrueLiteralExpression);

        // while (!done) where done only becomes true inside the try, on success.
        private static bool IsNotDone(ExpressionSyntax condition, TryStatementSyntax attempt)
        {
            if (condition is not PrefixUnaryExpressionSyntax { Operand: IdentifierNameSyntax flag } not || !not.IsKind(SyntaxKind.LogicalNotExpression))
            {
                return false;
            }

            return attempt.Catches.All(c => !c.Block.DescendantNodes().OfType<AssignmentExpressionSyntax>()
                .Any(a => a.Left is IdentifierNameSyntax id && id.Identifier.ValueText == flag.Identifier.ValueText));
        }

        // return, break or goto out of the loop inside the try: the success path ends the retrying.
        private static bool LeavesOnSuccess(BlockSyntax block, SyntaxNode loop) =>
            block.DescendantNodes(n => n is not AnonymousFunctionExpressionSyntax).Any(n =>
                n is ReturnStatementSyntax
                || (n is BreakStatementSyntax && NearestLoop(n) == loop)
                || (n is ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { Right: LiteralExpressionSyntax literal } } && literal.IsKind(SyntaxKind.TrueLiteralExpression)));

        // A catch that neither rethrows nor leaves unconditionally.
        private static bool ContinuesAfter(BlockSyntax block, SyntaxNode loop)
        {
            foreach (var statement in block.Statements)
            {
                if (statement is ThrowStatementSyntax or ReturnStatementSyntax || (statement is BreakStatementSyntax && NearestLoop(statement) == loop))
                {
                    return false;
                }
            }

            return true;
        }

        // Something ends the retrying: a throw (rethrow after N), a conditional break or return in a catch,
        // a cancellation check, or a deadline.
        private static bool HasBound(SyntaxNode body, TryStatementSyntax attempt)
        {
            foreach (var catchClause in attempt.Catches)
            {
                if (catchClause.Block.DescendantNodes(n => n is not AnonymousFunctionExpressionSyntax)
                    .Any(n => n is ThrowStatementSyntax or ReturnStatementSyntax or BreakStatementSyntax or ThrowExpressionSyntax))
                {
                    return true;
                }

                if (catchClause.Filter is not null && MentionsBound(catchClause.Filter.FilterExpression))
                {
                    return true;
                }
            }

            return MentionsBound(body);
        }

        private static bool MentionsBound(SyntaxNode node)
        {
            foreach (var name in node.DescendantNodesAndSelf().OfType<SimpleNameSyntax>())
            {
                var text = name.Identifier.ValueText;
                if (text is "IsCancellationRequested" or "ThrowIfCancellationRequested" or "UtcNow" or "Now" or "Elapsed" or "ElapsedMilliseconds"
                    || text.IndexOf("deadline", System.StringComparison.OrdinalIgnoreCase) >= 0
                    || text.IndexOf("attempt", System.StringComparison.OrdinalIgnoreCase) >= 0
                    || text.IndexOf("retries", System.StringComparison.OrdinalIgnoreCase) >= 0
                    || text.IndexOf("tries", System.StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        // The waits on the way round: in a catch, or in the loop body outside the attempt.
        private static IEnumerable<InvocationExpressionSyntax> RetryWaits(SyntaxNode body, TryStatementSyntax attempt) =>
            attempt.Catches.SelectMany(c => c.Block.DescendantNodes().OfType<InvocationExpressionSyntax>().Where(IsWait))
                .Concat(body.DescendantNodes().OfType<InvocationExpressionSyntax>().Where(i => IsWait(i) && !attempt.Block.Contains(i)));

        // No wait at all, or only Delay/Sleep for a constant time (Task.Delay(1000), TimeSpan.FromSeconds(2), a const):
        // every client retries in lockstep. A delay computed from anything else (the attempt, a growing local,
        // Random) is taken as backoff.
        private static bool WaitsAtFixedPace(SemanticModel model, IEnumerable<InvocationExpressionSyntax> waits, CancellationToken cancellationToken)
        {
            foreach (var wait in waits)
            {
                var name = wait.Expression is MemberAccessExpressionSyntax member ? member.Name.Identifier.ValueText : (wait.Expression as IdentifierNameSyntax)?.Identifier.ValueText;
                var duration = wait.ArgumentList.Arguments.FirstOrDefault()?.Expression;
                var value = duration is null ? null : model.GetOperation(duration, cancellationToken);
                if (name is not ("Delay" or "Sleep") || value is null || (TimeSpanValue.Number(value) is null && TimeSpanValue.Seconds(value) is null))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsWait(InvocationExpressionSyntax invocation) =>
            invocation.Expression is MemberAccessExpressionSyntax member && Waits.Contains(member.Name.Identifier.ValueText)
            || invocation.Expression is IdentifierNameSyntax name && Waits.Contains(name.Identifier.ValueText);

        private static SyntaxNode? NearestLoop(SyntaxNode node) =>
            node.Ancestors().FirstOrDefault(a => a is WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax or ForEachStatementSyntax or SwitchStatementSyntax);
    }
}
