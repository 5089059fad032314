using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LaunchReady.Analyzers.Http
{
    /// <summary>Syntax questions the HTTP rules ask of code they cannot bind (other files, other methods).</summary>
    internal static class HttpSyntax
    {
        /// <summary>Is <c>receiver.Property = ...</c> (or <c>this.receiver.Property</c>) assigned anywhere in <paramref name="scope"/>? A null receiver matches any.</summary>
        public static bool AssignsProperty(SyntaxNode scope, string? receiver, string property) =>
            scope.DescendantNodes().OfType<AssignmentExpressionSyntax>().Any(assignment =>
                assignment.Left is MemberAccessExpressionSyntax member
                && member.Name.Identifier.ValueText == property
                && (receiver is null || Names(member.Expression, receiver)));

        /// <summary>Does <paramref name="scope"/> call a method with one of these names?</summary>
        public static bool Calls(SyntaxNode scope, params string[] names) =>
            scope.DescendantNodes().OfType<InvocationExpressionSyntax>().Any(invocation => names.Contains(NameOf(invocation)));

        public static string? NameOf(InvocationExpressionSyntax invocation) => invocation.Expression switch
        {
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            GenericNameSyntax generic => generic.Identifier.ValueText,
            _ => null,
        };

        /// <summary>The member a node belongs to; for top-level statements, the whole file (they share their locals).</summary>
        public static SyntaxNode? ScopeOf(SyntaxNode node) =>
            node.Ancestors().FirstOrDefault(a => a is MemberDeclarationSyntax and not GlobalStatementSyntax)
            ?? node.FirstAncestorOrSelf<CompilationUnitSyntax>();

        /// <summary><c>name</c>, <c>this.name</c>, or <c>something.name</c>.</summary>
        public static bool Names(ExpressionSyntax expression, string name) => expression switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText == name,
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText == name,
            _ => false,
        };
    }
}
