using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace LaunchReady.Analyzers.Infrastructure
{
    public static class CallLocation
    {
        /// <summary>From the method name to the end of the call: <c>db.Orders.[ToListAsync(ct)]</c>, where the finding is.</summary>
        public static Location OfNameAndArguments(IOperation invocation) =>
            invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } syntax
                ? Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(member.Name.SpanStart, syntax.Span.End))
                : invocation.Syntax.GetLocation();
    }
}
