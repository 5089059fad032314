using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LaunchReady.Analyzers.Infrastructure
{
    /// <summary>
    /// Recognises code that cannot run in production: <c>#if DEBUG</c> blocks; branches guarded by
    /// <c>IsDevelopment()</c>, <c>IsEnvironment("Development")</c>, <c>EnvironmentName == "Development"</c>
    /// or a local set from one of them; code after <c>if (!env.IsDevelopment()) return;</c>; Startup's
    /// <c>Configure*Development*</c> convention methods; and EF Core design-time factories, which only
    /// the <c>dotnet ef</c> tools run. Only called for nodes that already produced a finding, so these
    /// walks stay off the hot path.
    /// </summary>
    public static class DevelopmentOnlyCode
    {
        private static readonly string[] DevelopmentEnvironments = { "Development", "Local", "Dev", "Docker", "Test", "Testing" };

        public static bool Contains(SyntaxNode node) =>
            IsInDebugDirectiveBlock(node) || IsGuardedByDevelopmentCheck(node) || IsInDevelopmentOnlyMember(node);

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
                    case BlockSyntax block when child is StatementSyntax statement && FollowsProductionExit(block, statement):
                        return true;
                    case MemberDeclarationSyntax:
                        return false;
                }
            }

            return false;
        }

        // if (!env.IsDevelopment()) { return; } ... everything after it in the block runs only in development.
        private static bool FollowsProductionExit(BlockSyntax block, StatementSyntax statement)
        {
            foreach (var earlier in block.Statements)
            {
                if (earlier == statement)
                {
                    return false;
                }

                if (earlier is IfStatementSyntax guard && guard.Else is null && ExitsEveryPath(guard.Statement)
                    && IsDevelopmentCheck(guard.Condition, negated: true))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool ExitsEveryPath(StatementSyntax statement) => statement switch
        {
            ReturnStatementSyntax => true,
            ThrowStatementSyntax => true,
            BlockSyntax block => block.Statements.Count > 0 && ExitsEveryPath(block.Statements[block.Statements.Count - 1]),
            _ => false,
        };

        private static bool IsInDevelopmentOnlyMember(SyntaxNode node)
        {
            foreach (var ancestor in node.Ancestors())
            {
                if (ancestor is MethodDeclarationSyntax method)
                {
                    var name = method.Identifier.ValueText;
                    if (name.StartsWith("Configure", StringComparison.Ordinal) && name.IndexOf("Development", StringComparison.Ordinal) > 0)
                    {
                        return true;
                    }
                }
                else if (ancestor is TypeDeclarationSyntax type && type.BaseList is not null)
                {
                    foreach (var baseType in type.BaseList.Types)
                    {
                        if (baseType.Type.ToString().IndexOf("IDesignTimeDbContextFactory", StringComparison.Ordinal) >= 0)
                        {
                            return true;
                        }
                    }
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
                case BinaryExpressionSyntax either when !negated && either.IsKind(SyntaxKind.LogicalOrExpression):
                    return IsDevelopmentCheck(either.Left, false) && IsDevelopmentCheck(either.Right, false);
                case BinaryExpressionSyntax either when negated && either.IsKind(SyntaxKind.LogicalOrExpression):
                    return IsDevelopmentCheck(either.Left, true) || IsDevelopmentCheck(either.Right, true);
                case BinaryExpressionSyntax both when negated && both.IsKind(SyntaxKind.LogicalAndExpression):
                    return IsDevelopmentCheck(both.Left, true) && IsDevelopmentCheck(both.Right, true);
                case BinaryExpressionSyntax equality when equality.IsKind(SyntaxKind.EqualsExpression) || equality.IsKind(SyntaxKind.NotEqualsExpression):
                    return negated == equality.IsKind(SyntaxKind.NotEqualsExpression)
                        && (IsEnvironmentName(equality.Left) && IsDevelopmentName(equality.Right)
                            || IsEnvironmentName(equality.Right) && IsDevelopmentName(equality.Left));
                case InvocationExpressionSyntax invocation when !negated:
                    return IsDevelopmentInvocation(invocation);
                case IdentifierNameSyntax local when !negated:
                    return IsLocalSetFromDevelopmentCheck(local);
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
                && IsDevelopmentName(invocation.ArgumentList.Arguments[0].Expression);
        }

        // "Development", Environments.Development, and the other names teams give local environments.
        private static bool IsDevelopmentName(ExpressionSyntax expression) => expression switch
        {
            LiteralExpressionSyntax literal => Array.IndexOf(DevelopmentEnvironments, literal.Token.ValueText) >= 0,
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText == "Development",
            _ => false,
        };

        private static bool IsEnvironmentName(ExpressionSyntax expression) =>
            expression is MemberAccessExpressionSyntax member && member.Name.Identifier.ValueText == "EnvironmentName";

        // var isDev = app.Environment.IsDevelopment(); if (isDev) { ... }
        private static bool IsLocalSetFromDevelopmentCheck(IdentifierNameSyntax local)
        {
            var member = local.FirstAncestorOrSelf<MemberDeclarationSyntax>();
            if (member is null)
            {
                return false;
            }

            foreach (var declarator in member.DescendantNodes().OfType<VariableDeclaratorSyntax>())
            {
                if (declarator.Identifier.ValueText == local.Identifier.ValueText && declarator.Initializer is not null
                    && !(declarator.Initializer.Value is IdentifierNameSyntax))
                {
                    return IsDevelopmentCheck(declarator.Initializer.Value, negated: false);
                }
            }

            return false;
        }
    }
}
