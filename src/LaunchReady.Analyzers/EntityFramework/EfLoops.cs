using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LaunchReady.Analyzers.EntityFramework
{
    /// <summary>The loop an operation runs in, as far as the N+1 rules are concerned.</summary>
    internal static class EfLoops
    {
        private const int SmallFixedCount = 10;

        private static readonly string[] IteratingMethods = { "Select", "SelectMany", "Where", "ForEach", "ForEachAsync", "Any", "All", "Sum", "Count", "ToDictionary", "GroupBy", "OrderBy" };

        /// <summary>
        /// The loop (for, foreach, await foreach, while, do) whose body contains the operation, or the
        /// in-memory iteration (items.Select(x => ...), list.ForEach(...), Parallel.ForEach) whose lambda
        /// does; null outside loops, and for loops that run a small fixed number of times.
        /// </summary>
        public static SyntaxNode? Enclosing(IOperation operation, EfQueries queries)
        {
            for (var child = operation; child.Parent is { } parent; child = parent)
            {
                switch (parent)
                {
                    case ILoopOperation loop when child == loop.Body:
                        return RunsFewTimes(loop) ? null : loop.Syntax;
                    case IAnonymousFunctionOperation lambda:
                        return IteratedLambda(lambda, queries);
                    case ILocalFunctionOperation:
                        return null;
                }
            }

            return null;
        }

        /// <summary>The keyword of a loop (or the iterating call), for the additional location.</summary>
        public static Location Keyword(SyntaxNode loop) => loop switch
        {
            ForEachStatementSyntax f => f.ForEachKeyword.GetLocation(),
            ForStatementSyntax f => f.ForKeyword.GetLocation(),
            WhileStatementSyntax w => w.WhileKeyword.GetLocation(),
            DoStatementSyntax d => d.DoKeyword.GetLocation(),
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } => member.Name.GetLocation(),
            _ => loop.GetLocation(),
        };

        /// <summary>Does the operation use anything declared inside the loop (its variable, locals of its body)?</summary>
        public static bool DependsOnLoop(IOperation operation, SyntaxNode loop)
        {
            foreach (var descendant in operation.DescendantsAndSelf())
            {
                var symbol = descendant switch
                {
                    ILocalReferenceOperation local => (ISymbol)local.Local,
                    IParameterReferenceOperation parameter => parameter.Parameter,
                    _ => null,
                };

                var declaration = symbol?.DeclaringSyntaxReferences.FirstOrDefault();
                if (declaration is null || declaration.SyntaxTree != loop.SyntaxTree || operation.Syntax.Span.Contains(declaration.Span))
                {
                    continue;
                }

                // Declared in the loop, or declared before it and changed by it (index++).
                if (loop.Span.Contains(declaration.Span) || ChangedIn(loop, symbol!.Name))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool ChangedIn(SyntaxNode loop, string name) =>
            loop.DescendantNodes().Any(node => node switch
            {
                AssignmentExpressionSyntax assignment => assignment.Left is IdentifierNameSyntax id && id.Identifier.ValueText == name,
                PostfixUnaryExpressionSyntax postfix => postfix.Operand is IdentifierNameSyntax id && id.Identifier.ValueText == name,
                PrefixUnaryExpressionSyntax prefix => prefix.Operand is IdentifierNameSyntax id && id.Identifier.ValueText == name,
                _ => false,
            });

        // items.Select(async x => await db.Orders.FindAsync(x)) over an in-memory sequence; Parallel.ForEach(items, x => ...)
        private static SyntaxNode? IteratedLambda(IAnonymousFunctionOperation lambda, EfQueries queries)
        {
            IOperation current = lambda;
            while (current.Parent is IDelegateCreationOperation or IConversionOperation)
            {
                current = current.Parent;
            }

            if (current.Parent is not IArgumentOperation { Parent: IInvocationOperation call })
            {
                return null;
            }

            var name = call.TargetMethod.Name;
            if (Array.IndexOf(IteratingMethods, name) < 0)
            {
                return null;
            }

            // The lambda of a query operator is translated to SQL, not run per item.
            var source = call.Instance ?? (call.Arguments.Length > 0 ? call.Arguments[0].Value : null);
            return source is not null && !queries.IsQuery(source, 0) ? call.Syntax : null;
        }

        // for (var i = 0; i < 3; i++), foreach (var x in new[] { a, b }): a handful of known iterations is not N+1.
        private static bool RunsFewTimes(ILoopOperation loop)
        {
            switch (loop)
            {
                case IForLoopOperation { Condition: IBinaryOperation { RightOperand: var bound } }
                    when bound.ConstantValue.Value is int count:
                    return count <= SmallFixedCount;
                case IForEachLoopOperation forEach:
                    var collection = forEach.Collection;
                    while (collection is IConversionOperation conversion)
                    {
                        collection = conversion.Operand;
                    }

                    return collection is IArrayCreationOperation { Initializer: { } items } && items.ElementValues.Length <= SmallFixedCount;
                default:
                    return false;
            }
        }
    }
}
