using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LaunchReady.Analyzers.Infrastructure
{
    /// <summary>
    /// Recognises code that cannot run in production: <c>#if DEBUG</c> blocks and branches guarded by
    /// <c>IsDevelopment()</c> (or <c>IsEnvironment("Development")</c>). Only called for nodes that
    /// already produced a finding, so the directive walk stays off the hot path.
    /// </summary>
    public static class DevelopmentOnlyCode
    {
        public static bool Contains(SyntaxNode node) => IsInDebugDirectiveBlock(node) || IsGuardedByDevelopmentCheck(node);

        internal static bool IsInDebugDirectiveBlock(SyntaxNode node)
        {
            if (!(node.SyntaxTree.GetRoot() is CSharpSyntaxNode root) || !root.ContainsDirectives)
            {
                return false;
            }

            // One entry per open #if group: is the active branch debug-only, and was the group's #if "!DEBUG".
            var groups = new Stack<(bool DebugOnly, bool NegatedDebug)>();
            for (var directive = root.GetFirstDirective(); directive is not null; directive = directive.GetNextDirective())
            {
                if (directive.SpanStart > node.SpanStart)
                {
                    break;
                }

                switch (directive)
                {
                    case IfDirectiveTriviaSyntax ifDirective:
                        groups.Push((RequiresDebug(ifDirective.Condition), IsNotDebug(ifDirective.Condition)));
                        break;
                    case ElifDirectiveTriviaSyntax elif when groups.Count > 0:
                        // After "#if !DEBUG", every later branch still runs only when DEBUG is defined.
                        var negated = groups.Pop().NegatedDebug;
                        groups.Push((negated || RequiresDebug(elif.Condition), negated));
                        break;
                    case ElseDirectiveTriviaSyntax when groups.Count > 0:
                        var group = groups.Pop();
                        groups.Push((group.NegatedDebug, group.NegatedDebug));
                        break;
                    case EndIfDirectiveTriviaSyntax when groups.Count > 0:
                        groups.Pop();
                        break;
                }
            }

            foreach (var group in groups)
            {
                if (group.DebugOnly)
                {
                    return true;
                }
            }

            return false;
        }

        internal static bool IsGuardedByDevelopmentCheck(SyntaxNode node)
        {
            for (var child = node; child.Parent is { } parent; child = parent)
            {
                switch (parent)
                {
                    case IfStatementSyntax ifStatement when child == ifStatement.Statement:
                        if (IsDevelopmentCheck(ifStatement.Condition, negated: false))
                        {
                            return true;
                        }

                        break;
                    case ElseClauseSyntax elseClause when elseClause.Parent is IfStatementSyntax owner:
                        if (IsDevelopmentCheck(owner.Condition, negated: true))
                        {
                            return true;
                        }

                        break;
                    case ConditionalExpressionSyntax conditional:
                        if ((child == conditional.WhenTrue && IsDevelopmentCheck(conditional.Condition, negated: false))
                            || (child == conditional.WhenFalse && IsDevelopmentCheck(conditional.Condition, negated: true)))
                        {
                            return true;
                        }

                        break;
                    case MemberDeclarationSyntax:
                        return false;
                }
            }

            return false;
        }

        private static bool RequiresDebug(ExpressionSyntax condition) => condition switch
        {
            IdentifierNameSyntax name => name.Identifier.ValueText == "DEBUG",
            ParenthesizedExpressionSyntax parenthesized => RequiresDebug(parenthesized.Expression),
            BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.LogicalAndExpression) =>
                RequiresDebug(binary.Left) || RequiresDebug(binary.Right),
            _ => false,
        };

        private static bool IsNotDebug(ExpressionSyntax condition) => condition switch
        {
            PrefixUnaryExpressionSyntax not when not.IsKind(SyntaxKind.LogicalNotExpression) => RequiresDebug(not.Operand),
            ParenthesizedExpressionSyntax parenthesized => IsNotDebug(parenthesized.Expression),
            _ => false,
        };

        // negated: the branch runs when the condition is false, so the condition must be "!IsDevelopment()".
        private static bool IsDevelopmentCheck(ExpressionSyntax condition, bool negated)
        {
            switch (condition)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    return IsDevelopmentCheck(parenthesized.Expression, negated);
                case PrefixUnaryExpressionSyntax not when not.IsKind(SyntaxKind.LogicalNotExpression):
                    return IsDevelopmentCheck(not.Operand, !negated);
                case BinaryExpressionSyntax both when !negated && both.IsKind(SyntaxKind.LogicalAndExpression):
                    return IsDevelopmentCheck(both.Left, false) || IsDevelopmentCheck(both.Right, false);
                case BinaryExpressionSyntax either when negated && either.IsKind(SyntaxKind.LogicalOrExpression):
                    return IsDevelopmentCheck(either.Left, true) || IsDevelopmentCheck(either.Right, true);
                case InvocationExpressionSyntax invocation when !negated:
                    return IsDevelopmentInvocation(invocation);
                default:
                    return false;
            }
        }

        private static bool IsDevelopmentInvocation(InvocationExpressionSyntax invocation)
        {
            var name = invocation.Expression switch
            {
                MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                _ => null,
            };

            if (name == "IsDevelopment")
            {
                return true;
            }

            return name == "IsEnvironment"
                && invocation.ArgumentList.Arguments.Count == 1
                && invocation.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax literal
                && literal.Token.ValueText == "Development";
        }
    }
}
