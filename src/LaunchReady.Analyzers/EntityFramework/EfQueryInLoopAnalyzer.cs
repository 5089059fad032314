using System.Collections.Immutable;
using System.Linq;
using LaunchReady.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LaunchReady.Analyzers.EntityFramework
{
    /// <summary>
    /// LR0030 (an EF Core query executed on every iteration of a loop, directly or through a repository
    /// method) and LR0032 (SaveChanges on every iteration). Runs only where EF Core is referenced.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class EfQueryInLoopAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor QueryInLoopRule = RuleCatalog.Create(
            DiagnosticIds.QueryInLoop,
            "EF Core query executed inside a loop (N+1)",
            "'{0}' runs a database query on every iteration of this loop (N+1); load what the loop needs with one query before it",
            DiagnosticCategories.EntityFramework,
            DiagnosticSeverity.Warning,
            "One query per item turns a page of 400 rows into 400 database round trips: fast with seed data, seconds with real data, far past a 300 ms budget.");

        public static readonly DiagnosticDescriptor SaveInLoopRule = RuleCatalog.Create(
            DiagnosticIds.SaveChangesInLoop,
            "SaveChanges inside a loop",
            "'{0}' saves on every iteration of this loop, one database round trip and transaction per item; save once after the loop",
            DiagnosticCategories.EntityFramework,
            DiagnosticSeverity.Warning,
            "Saving per item multiplies round trips and transactions, and leaves half the batch written when one item fails.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(QueryInLoopRule, SaveInLoopRule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var types = EfTypes.Create(start.Compilation);
                if (types is null)
                {
                    return;
                }

                var queries = new EfQueries(types, start.Compilation);
                var testCode = TestCodeFilter.Create(start.Compilation, start.Options);
                start.RegisterOperationAction(testCode.OutsideTests(c => AnalyzeInvocation(c, types, queries)), OperationKind.Invocation);
                start.RegisterOperationAction(testCode.OutsideTests(c => AnalyzeForEach(c, queries)), OperationKind.Loop);
            });
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context, EfTypes types, EfQueries queries)
        {
            // Most calls are not in a loop: find the loops first, classify the call only then.
            var invocation = (IInvocationOperation)context.Operation;
            var loops = EfLoops.Enclosing(invocation, queries);
            if (loops.Count == 0)
            {
                return;
            }

            var method = invocation.TargetMethod;
            var isSave = (method.Name is "SaveChanges" or "SaveChangesAsync" && types.IsDbContext(invocation.Instance?.Type))
                || queries.RepositorySaves(method);
            var executed = isSave ? null : queries.ExecutedQuery(invocation);
            if (!isSave && executed is null)
            {
                return;
            }

            loops = EfLoops.OutsidePolling(loops);
            if (loops.Count == 0)
            {
                return;
            }

            var location = CallLocation.OfNameAndArguments(invocation);
            if (isSave)
            {
                // A bounded retry around the save is the retry rules' business; saving every N items is batching.
                var loop = loops[0];
                if (!IsRetriedInside(invocation.Syntax, loop) && !IsBatched(invocation.Syntax, loop))
                {
                    context.ReportDiagnostic(Finding.Create(SaveInLoopRule, location, new[] { EfLoops.Keyword(loop) }, method.Name));
                }

                return;
            }

            // Paging (Skip/Take) is the batched form; a query that depends on no enclosing loop runs the same SQL
            // each time: worth hoisting, but not N+1.
            if (PagesThrough(invocation))
            {
                return;
            }

            var dependent = loops.FirstOrDefault(loop => EfLoops.DependsOnLoop(invocation, loop, queries));
            if (dependent is not null)
            {
                context.ReportDiagnostic(Finding.Create(QueryInLoopRule, location, new[] { EfLoops.Keyword(dependent) }, executed));
            }
        }

        // foreach (var line in db.OrderLines.Where(l => l.OrderId == order.Id)) inside another loop.
        private static void AnalyzeForEach(OperationAnalysisContext context, EfQueries queries)
        {
            if (context.Operation is not IForEachLoopOperation forEach || !queries.IsQuery(forEach.Collection, 0))
            {
                return;
            }

            // foreach (var l in query.ToList()) is reported at ToList; only a query enumerated directly is reported here.
            var collection = forEach.Collection;
            while (collection is IConversionOperation conversion)
            {
                collection = conversion.Operand;
            }

            var loop = EfLoops.OutsidePolling(EfLoops.Enclosing(forEach, queries)).FirstOrDefault(l => EfLoops.DependsOnLoop(forEach.Collection, l, queries));
            if (loop is not null && !PagesThrough(collection))
            {
                context.ReportDiagnostic(Finding.Create(
                    QueryInLoopRule,
                    forEach.Collection.Syntax.GetLocation(),
                    new[] { EfLoops.Keyword(loop) },
                    "foreach"));
            }
        }

        // for (...) { try { await db.SaveChangesAsync(); break; } catch (...) { } }: the try leaves the loop on success.
        private static bool IsRetriedInside(SyntaxNode save, SyntaxNode loop) =>
            save.Ancestors().TakeWhile(a => a != loop).OfType<TryStatementSyntax>().Any(t =>
                t.Catches.Count > 0 && t.Block.Span.Contains(save.Span)
                && t.Block.DescendantNodes().Any(n => n is BreakStatementSyntax or ReturnStatementSyntax));

        // if (++count % 500 == 0) { await db.SaveChangesAsync(); }
        private static bool IsBatched(SyntaxNode save, SyntaxNode loop) =>
            save.Ancestors().TakeWhile(a => a != loop).OfType<IfStatementSyntax>().Any(i =>
                i.Condition.DescendantNodesAndSelf().Any(n => n.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.ModuloExpression)));

        private static bool PagesThrough(IOperation query) =>
            query.DescendantsAndSelf().OfType<IInvocationOperation>().Any(c => c.TargetMethod.Name is "Take" or "Skip" or "TakeLast");

    }
}
