using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LaunchReady.Analyzers.Infrastructure
{
    /// <summary>
    /// The string constants rules look at: literals (regular, verbatim, raw, interpolated text parts),
    /// UTF-8 literals, constant concatenations and constant interpolated strings (<c>$"{Prefix}rest"</c>
    /// with <c>const</c> holes), each seen once — a concatenation is analyzed as its folded value, not
    /// piece by piece.
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
            SyntaxKind.InterpolatedStringExpression,
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
                case InterpolatedStringExpressionSyntax interpolated when MayBeConstantInterpolation(interpolated):
                    if (model.GetConstantValue(interpolated, cancellationToken).Value is string whole
                        && !IsConstantConcatenation(OuterParent(interpolated), model, cancellationToken))
                    {
                        value = whole;
                        return true;
                    }

                    return false;
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
        /// Whether a text part belongs to an interpolated string (or concatenation) that folds to a constant, which is
        /// analyzed whole instead. Asked only about parts a scan found something in, as it needs the semantic model.
        /// </summary>
        public static bool IsPartOfFoldedConstant(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken) =>
            node is InterpolatedStringTextSyntax { Parent: InterpolatedStringExpressionSyntax interpolated }
            && MayBeConstantInterpolation(interpolated)
            && model.GetConstantValue(interpolated, cancellationToken).Value is string;

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

        // $"{Prefix}{Constants.Host}rest": at least one hole, each one that may be a string constant with no alignment or
        // format. Constants are named in PascalCase (or Type.Name), so a hole starting lower-case ({id}, {order.Id},
        // {_name}) settles it without the semantic model: interpolated log messages are many, constant ones few.
        private static bool MayBeConstantInterpolation(InterpolatedStringExpressionSyntax interpolated)
        {
            var holes = 0;
            foreach (var content in interpolated.Contents)
            {
                if (content is InterpolationSyntax hole)
                {
                    if (hole.AlignmentClause is not null || hole.FormatClause is not null || !MayBeConstantOperand(hole.Expression)
                        || !NamedLikeAConstant(hole.Expression))
                    {
                        return false;
                    }

                    holes++;
                }
            }

            return holes > 0;
        }

        private static bool NamedLikeAConstant(ExpressionSyntax expression)
        {
            while (expression is MemberAccessExpressionSyntax member)
            {
                expression = member.Expression;
            }

            return expression is not SimpleNameSyntax name || (name.Identifier.ValueText.Length > 0 && char.IsUpper(name.Identifier.ValueText[0]));
        }

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
