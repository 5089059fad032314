using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace LaunchReady.Analyzers.Infrastructure
{
    /// <summary>
    /// Maps offsets in a constant's value back to the source, so a finding points at the exact
    /// characters. When the source spells the value differently (escape sequences, a folded
    /// concatenation, an indented raw string) the whole expression is reported instead.
    /// </summary>
    public readonly struct SourceMapping
    {
        private readonly int _valueStart;
        private readonly TextSpan _whole;

        private SourceMapping(int valueStart, TextSpan whole)
        {
            _valueStart = valueStart;
            _whole = whole;
        }

        public static SourceMapping For(SyntaxNode syntax, string value)
        {
            var token = syntax switch
            {
                LiteralExpressionSyntax literal => literal.Token,
                InterpolatedStringTextSyntax text => text.TextToken,
                _ => default,
            };

            var offset = token.RawKind == 0 || value.Length == 0 ? -1 : token.Text.IndexOf(value, StringComparison.Ordinal);
            return new SourceMapping(offset < 0 ? -1 : token.SpanStart + offset, syntax.Span);
        }

        public Location Locate(SyntaxTree tree, int start, int length) =>
            _valueStart < 0
                ? Location.Create(tree, _whole)
                : Location.Create(tree, new TextSpan(_valueStart + start, length));
    }
}
