using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LaunchReady.Analyzers.Infrastructure
{
    /// <summary>
    /// The string constants rules look at: literals (regular, verbatim, raw, interpolated text parts),
    /// UTF-8 literals, and constant concatenations, each seen once — a concatenation is analyzed as
    /// its folded value, not piece by piece.
    /// </summary>
    public static class StringConstant
    {
        /// <summary>The operation kinds to register for.</summary>
        public static readonly OperationKind[] Kinds = { OperationKind.Literal, OperationKind.Binary, OperationKind.Utf8String };

        public static bool TryGetValue(IOperation operation, out string value)
        {
            // Compiler-supplied values (default arguments, CallerArgumentExpression) are reported at their declaration, not at every call.
            if (operation.Parent is IArgumentOperation { ArgumentKind: ArgumentKind.DefaultValue }
                || (operation.IsImplicit && operation.Parent is not IInterpolatedStringTextOperation))
            {
                value = string.Empty;
                return false;
            }

            switch (operation)
            {
                case ILiteralOperation literal when literal.ConstantValue.Value is string text && !IsConstantConcatenation(literal.Parent):
                    value = text;
                    return true;
                case IBinaryOperation binary when IsConstantConcatenation(binary) && !IsConstantConcatenation(binary.Parent):
                    value = (string)binary.ConstantValue.Value!;
                    return true;
                case IUtf8StringOperation utf8:
                    value = utf8.Value;
                    return true;
                default:
                    value = string.Empty;
                    return false;
            }
        }

        private static bool IsConstantConcatenation(IOperation? operation) =>
            operation is IBinaryOperation binary
            && binary.OperatorKind == BinaryOperatorKind.Add
            && binary.ConstantValue.HasValue
            && binary.ConstantValue.Value is string;
    }
}
