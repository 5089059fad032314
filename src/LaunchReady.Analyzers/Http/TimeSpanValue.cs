using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LaunchReady.Analyzers.Http
{
    /// <summary>Evaluates a TimeSpan-valued expression written with constants: TimeSpan.FromSeconds(30), new TimeSpan(0, 2, 0), Timeout.InfiniteTimeSpan.</summary>
    public static class TimeSpanValue
    {
        // How many readonly fields or get-only properties deep a value is followed (Timeout = Defaults.Long, Long = Short, ...).
        private const int MaxDepth = 3;

        /// <summary>The value in seconds (<see cref="double.PositiveInfinity"/> for infinite), or null when it is not a constant.</summary>
        public static double? Seconds(IOperation? operation) => Seconds(operation, 0);

        private static double? Seconds(IOperation? operation, int depth)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            switch (operation)
            {
                case IFieldReferenceOperation field when field.Field.ContainingType?.Name == "Timeout" && field.Field.Name == "InfiniteTimeSpan":
                case IFieldReferenceOperation max when max.Field.ContainingType?.Name == "TimeSpan" && max.Field.Name == "MaxValue":
                    return double.PositiveInfinity;
                case IFieldReferenceOperation zero when zero.Field.ContainingType?.Name == "TimeSpan" && zero.Field.Name == "Zero":
                    return 0;
                case IInvocationOperation call when IsSystemTimeSpan(call.TargetMethod.ContainingType) && call.Arguments.Length >= 1
                    && Number(call.Arguments[0].Value) is { } amount && call.Arguments.Skip(1).All(a => a.ArgumentKind == ArgumentKind.DefaultValue):
                    return FromUnits(call.TargetMethod.Name, amount);
                case IObjectCreationOperation creation when IsSystemTimeSpan(creation.Type):
                    return Constructed(creation);

                // static readonly TimeSpan RequestTimeout = TimeSpan.FromMinutes(5); static TimeSpan Long { get; } = ...; static TimeSpan Long => ...
                case IFieldReferenceOperation { Field: { IsReadOnly: true } field } when depth < MaxDepth && IsSystemTimeSpan(field.Type):
                    return Declared(field, operation.SemanticModel, depth);
                case IPropertyReferenceOperation { Property: { IsReadOnly: true, Parameters.Length: 0 } property } when depth < MaxDepth && IsSystemTimeSpan(property.Type):
                    return Declared(property, operation.SemanticModel, depth);
                default:
                    return null;
            }
        }

        // The value a readonly field or get-only property of the project is declared with: through the semantic model when it
        // is declared in the file being analyzed, and from the syntax of the common forms when it is declared in another.
        private static double? Declared(ISymbol member, SemanticModel? model, int depth)
        {
            if (member.DeclaringSyntaxReferences.Length != 1)
            {
                return null;
            }

            var value = member.DeclaringSyntaxReferences[0].GetSyntax() switch
            {
                VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
                PropertyDeclarationSyntax { AccessorList: null } property => property.ExpressionBody?.Expression,
                PropertyDeclarationSyntax property when property.AccessorList.Accessors.All(a => a.Body is null && a.ExpressionBody is null) => property.Initializer?.Value,
                _ => null,
            };
            if (value is null || AssignedInConstructor(member))
            {
                return null;
            }

            return model is not null && value.SyntaxTree == model.SyntaxTree
                ? Seconds(model.GetOperation(value), depth + 1)
                : SecondsFromSyntax(value);
        }

        // A readonly member can still be given another value by a constructor of its type; then its initializer does not decide.
        private static bool AssignedInConstructor(ISymbol member) =>
            (member.IsStatic ? member.ContainingType.StaticConstructors : member.ContainingType.InstanceConstructors)
                .SelectMany(constructor => constructor.DeclaringSyntaxReferences)
                .Any(reference => reference.GetSyntax().DescendantNodes().OfType<AssignmentExpressionSyntax>().Any(assignment => assignment.Left switch
                {
                    IdentifierNameSyntax name => name.Identifier.ValueText == member.Name,
                    MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText == member.Name,
                    _ => false,
                }));

        // TimeSpan.FromMinutes(5), Timeout.InfiniteTimeSpan, TimeSpan.MaxValue, new TimeSpan(0, 5, 0), written with number literals.
        private static double? SecondsFromSyntax(ExpressionSyntax value)
        {
            switch (value)
            {
                case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "InfiniteTimeSpan" or "MaxValue" } member
                    when member.Expression.ToString() is "Timeout" or "System.Threading.Timeout" or "TimeSpan" or "System.TimeSpan":
                    return double.PositiveInfinity;
                case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Zero" } zero when zero.Expression.ToString() is "TimeSpan" or "System.TimeSpan":
                    return 0;
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name } member, ArgumentList.Arguments.Count: 1 } call
                    when member.Expression.ToString() is "TimeSpan" or "System.TimeSpan" && Literal(call.ArgumentList.Arguments[0].Expression) is { } amount:
                    return FromUnits(name, amount);
                case BaseObjectCreationExpressionSyntax { ArgumentList.Arguments: { Count: 3 } parts } creation
                    when creation is ImplicitObjectCreationExpressionSyntax || ((ObjectCreationExpressionSyntax)creation).Type.ToString() is "TimeSpan" or "System.TimeSpan":
                    return Literal(parts[0].Expression) is { } hours && Literal(parts[1].Expression) is { } minutes && Literal(parts[2].Expression) is { } seconds
                        ? (hours * 3600) + (minutes * 60) + seconds
                        : null;
                default:
                    return null;
            }
        }

        // TimeSpan.FromMinutes(5) and the like, in seconds; TimeSpan.FromMilliseconds(-1) is Timeout.InfiniteTimeSpan.
        private static double? FromUnits(string factory, double amount) => amount < 0 ? double.PositiveInfinity : factory switch
        {
            "FromMilliseconds" => amount / 1000,
            "FromSeconds" => amount,
            "FromMinutes" => amount * 60,
            "FromHours" => amount * 3600,
            "FromDays" => amount * 86400,
            _ => null,
        };

        private static double? Literal(ExpressionSyntax expression) =>
            expression is LiteralExpressionSyntax { Token.Value: { } value } && value is int or long or double or float or decimal
                ? Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)
                : null;

        /// <summary>A numeric constant, as a double; null for anything else (including char and bool constants).</summary>
        public static double? Number(IOperation operation) => operation.ConstantValue.Value switch
        {
            int value => value,
            long value => value,
            short value => value,
            byte value => value,
            sbyte value => value,
            ushort value => value,
            uint value => value,
            ulong value => value,
            double value => value,
            float value => value,
            decimal value => (double)value,
            _ => null,
        };

        private static bool IsSystemTimeSpan(ITypeSymbol? type) =>
            type?.Name == "TimeSpan" && type.ContainingNamespace?.ToDisplayString() == "System";

        private static double? Constructed(IObjectCreationOperation creation)
        {
            var values = new double[creation.Arguments.Length];
            for (var i = 0; i < values.Length; i++)
            {
                if (Number(creation.Arguments[i].Value) is not { } value)
                {
                    return null;
                }

                values[i] = value;
            }

            return values.Length switch
            {
                1 => values[0] / TimeSpan.TicksPerSecond,
                3 => (values[0] * 3600) + (values[1] * 60) + values[2],
                4 => (values[0] * 86400) + (values[1] * 3600) + (values[2] * 60) + values[3],
                5 => (values[0] * 86400) + (values[1] * 3600) + (values[2] * 60) + values[3] + (values[4] / 1000),
                _ => null,
            };
        }
    }
}
