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
        /// The loops (for, foreach, await foreach, while, do) whose bodies contain the operation, and the
        /// in-memory iterations (items.Select(x => ...), list.ForEach(...), Parallel.ForEach) whose lambdas do,
        /// innermost first. Loops with a small fixed number of iterations and per-chunk loops are passed over;
        /// a lambda EF Core translates to SQL ends the search.
        /// </summary>
        public static System.Collections.Generic.List<SyntaxNode> Enclosing(IOperation operation, EfQueries queries)
        {
            var loops = new System.Collections.Generic.List<SyntaxNode>();
            for (var child = operation; child.Parent is { } parent; child = parent)
            {
                switch (parent)
                {
                    case ILoopOperation loop when child == loop.Body:
                        if (!RunsFewTimes(loop) && !IteratesChunks(loop))
                        {
                            loops.Add(loop.Syntax);
                        }

                        break;
                    case IAnonymousFunctionOperation lambda:
                        switch (LambdaKind(lambda))
                        {
                            case Lambda.Translated:
                                return loops;
                            case Lambda.PerItem iteration:
                                loops.Add(iteration.Call.Syntax);
                                break;
                        }

                        break;
                    case ILocalFunctionOperation:
                        return loops;
                }
            }

            return loops;
        }

        /// <summary>The in-memory iteration (items.Select(x => ...), list.ForEach(...)) that runs the lambda once per item, if it is one.</summary>
        public static IInvocationOperation? IteratingCall(IAnonymousFunctionOperation lambda) =>
            LambdaKind(lambda) is Lambda.PerItem iteration ? iteration.Call : null;

        /// <summary>The loops inside the first polling loop (a worker that waits between rounds); that one and those around it do not count.</summary>
        public static System.Collections.Generic.List<SyntaxNode> OutsidePolling(System.Collections.Generic.List<SyntaxNode> loops) =>
            loops.TakeWhile(loop => !IsPolling(loop)).ToList();

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
        public static bool DependsOnLoop(IOperation operation, SyntaxNode loop, EfQueries queries)
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
                if (declaration is null || declaration.SyntaxTree != loop.SyntaxTree || operation.Syntax.Span.Contains(declaration.Span)
                    || queries.IsInfrastructure((symbol as ILocalSymbol)?.Type ?? (symbol as IParameterSymbol)?.Type))
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

        private abstract class Lambda
        {
            public sealed class Translated : Lambda
            {
            }

            public sealed class PerItem : Lambda
            {
                public PerItem(IInvocationOperation call) => Call = call;

                public IInvocationOperation Call { get; }
            }

            public sealed class Other : Lambda
            {
            }
        }

        // Queryable.Select(o => ...) is translated to SQL; Enumerable.Select(x => ...), List.ForEach, Parallel.ForEach
        // and EF's ForEachAsync run the lambda once per item; any other lambda (a callback, an execution strategy)
        // runs where it is called, so the search goes on outside it.
        private static Lambda LambdaKind(IAnonymousFunctionOperation lambda)
        {
            IOperation current = lambda;
            while (current.Parent is IDelegateCreationOperation or IConversionOperation)
            {
                if (current.Parent is IConversionOperation { Type.Name: "Expression" })
                {
                    return new Lambda.Translated();
                }

                current = current.Parent;
            }

            if (current.Parent is not IArgumentOperation { Parent: IInvocationOperation call })
            {
                return new Lambda.Other();
            }

            var method = call.TargetMethod;
            if ((method.ReducedFrom ?? method).ContainingType?.Name == "Queryable")
            {
                return new Lambda.Translated();
            }

            return Array.IndexOf(IteratingMethods, method.Name) >= 0 ? new Lambda.PerItem(call) : new Lambda.Other();
        }

        // while (!token.IsCancellationRequested) { ...; await Task.Delay(...); }, while (await timer.WaitForNextTickAsync()):
        // a worker polling for work, not a loop over items.
        private static bool IsPolling(SyntaxNode loop) =>
            loop.DescendantNodes().OfType<InvocationExpressionSyntax>().Any(call =>
                call.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Delay" or "WaitForNextTickAsync" or "Sleep" });

        // foreach (var chunk in ids.Chunk(500)): one round trip per chunk is the batched form.
        private static bool IteratesChunks(ILoopOperation loop) =>
            loop is IForEachLoopOperation { Collection: var collection }
            && collection.DescendantsAndSelf().OfType<IInvocationOperation>().Any(c => c.TargetMethod.Name == "Chunk");

        // for (var i = 0; i < 3; i++), foreach (var x in new[] { a, b }): a handful of known iterations is not N+1.
        // static readonly string[] Roles = { "Admin", "User" };
        private static bool SmallArrayField(IFieldSymbol field) =>
            field.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: var value }
            && value switch
            {
                InitializerExpressionSyntax list => list.Expressions.Count <= SmallFixedCount,
                ArrayCreationExpressionSyntax { Initializer: { } list } => list.Expressions.Count <= SmallFixedCount,
                ImplicitArrayCreationExpressionSyntax implicitArray => implicitArray.Initializer.Expressions.Count <= SmallFixedCount,
                _ => false,
            };

        private static bool RunsFewTimes(ILoopOperation loop)
        {
            switch (loop)
            {
                case IForLoopOperation { Condition: IBinaryOperation { RightOperand: var bound } condition }
                    when bound.ConstantValue.Value is int count
                        && condition.OperatorKind is BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual:
                    return count <= SmallFixedCount;
                case IForEachLoopOperation forEach:
                    var collection = forEach.Collection;
                    while (collection is IConversionOperation conversion)
                    {
                        collection = conversion.Operand;
                    }

                    return collection switch
                    {
                        IArrayCreationOperation { Initializer: { } items } => items.ElementValues.Length <= SmallFixedCount,
                        IObjectCreationOperation { Initializer: { } initializer } => initializer.Initializers.Length <= SmallFixedCount,
                        IInvocationOperation { TargetMethod.Name: "GetValues" or "GetNames" } => true,
                        IFieldReferenceOperation { Field: { IsReadOnly: true } field } => SmallArrayField(field),
                        _ => false,
                    };
                default:
                    return false;
            }
        }
    }
}
