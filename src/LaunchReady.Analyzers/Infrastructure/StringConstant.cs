using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LaunchReady.Analyzers.Infrastructure
{
    /// <summary>
    /// The string constants rules look at: literals (regular, verbatim, raw, interpolated text parts),
    /// UTF-8 literals, and constant concatenations, each seen once — a concatenation is analyzed as
    /// its folded value, not piece by piece.
    /// </summary>
    /// <remarks>
    /// Read from syntax: a literal's value is already in its token, so the tens of thousands of
    /// ordinary strings of a code base cost a look at the token and a scan. The semantic model is
    /// asked only about concatenations (is the whole a constant?) and, through <see cref="OperationOf"/>,
    /// about the few values a scan found something in. Compiler-supplied values (default arguments at
    /// a call, CallerArgumentExpression) have no syntax of their own, so they are seen once, at their
    /// declaration.
    /// </remarks>
    public static class StringConstant
    {
        /// <summary>The syntax kinds to register for.</summary>
        public static readonly SyntaxKind[] Kinds =
        {
            SyntaxKind.StringLiteralExpression, SyntaxKind.Utf8StringLiteralExpression, SyntaxKind.InterpolatedStringText, SyntaxKind.AddExpression,
        };

        public static bool TryGetValue(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken, out string value)
        {
            value = string.Empty;
            switch (node)
            {
                case LiteralExpressionSyntax literal:
                    if (IsConstantConcatenation(OuterParent(literal), model, cancellationToken))
                    {
                        return false;
                    }

                    value = literal.Token.ValueText;
                    return true;
                case InterpolatedStringTextSyntax text:
                    value = text.TextToken.ValueText;
                    return true;
                case BinaryExpressionSyntax add when MayBeConstantOperand(add.Left) && MayBeConstantOperand(add.Right):
                    if (model.GetConstantValue(add, cancellationToken).Value is string folded
                        && !IsConstantConcatenation(OuterParent(add), model, cancellationToken))
                    {
                        value = folded;
                        return true;
                    }

                    return false;
                default:
                    return false;
            }
        }

        /// <summary>
        /// The operation of a node <see cref="TryGetValue"/> accepted, for the questions only the semantic
        /// model answers (where the value goes); null where the compiler builds none.
        /// </summary>
        public static IOperation? OperationOf(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
        {
            var operation = model.GetOperation(node, cancellationToken);
            return operation is IInterpolatedStringTextOperation text ? text.Text : operation;
        }

        private static SyntaxNode? OuterParent(SyntaxNode node)
        {
            var parent = node.Parent;
            while (parent is ParenthesizedExpressionSyntax)
            {
                parent = parent.Parent;
            }

            return parent;
        }

        private static bool IsConstantConcatenation(SyntaxNode? node, SemanticModel model, CancellationToken cancellationToken) =>
            node is BinaryExpressionSyntax add
            && add.IsKind(SyntaxKind.AddExpression)
            && MayBeConstantOperand(add.Left)
            && MayBeConstantOperand(add.Right)
            && model.GetConstantValue(add, cancellationToken).Value is string;

        // Only these forms can be part of a constant string, so any other operand (a call, an indexer, a
        // number) settles the question without the semantic model. Nested operands are not walked: the
        // semantic model answers for them, which keeps a 50,000-part concatenation linear.
        private static bool MayBeConstantOperand(ExpressionSyntax operand)
        {
            while (operand is ParenthesizedExpressionSyntax parenthesized)
            {
                operand = parenthesized.Expression;
            }

            switch (operand.Kind())
            {
                case SyntaxKind.StringLiteralExpression:
                case SyntaxKind.NullLiteralExpression:
                case SyntaxKind.IdentifierName:
                case SyntaxKind.SimpleMemberAccessExpression:
                case SyntaxKind.AliasQualifiedName:
                case SyntaxKind.AddExpression:
                case SyntaxKind.InterpolatedStringExpression:
                    return true;
                case SyntaxKind.InvocationExpression:
                    // nameof(Options) + ":Url"
                    return ((InvocationExpressionSyntax)operand).Expression is IdentifierNameSyntax { Identifier.ValueText: "nameof" };
                default:
                    return false;
            }
        }
    }
}
