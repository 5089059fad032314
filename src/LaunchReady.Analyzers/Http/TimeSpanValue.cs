using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LaunchReady.Analyzers.Http
{
    /// <summary>Evaluates a TimeSpan-valued expression written with constants: TimeSpan.FromSeconds(30), new TimeSpan(0, 2, 0), Timeout.InfiniteTimeSpan.</summary>
    public static class TimeSpanValue
    {
        /// <summary>The value in seconds (<see cref="double.PositiveInfinity"/> for infinite), or null when it is not a constant.</summary>
        public static double? Seconds(IOperation? operation)
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
                    // TimeSpan.FromMilliseconds(-1) is Timeout.InfiniteTimeSpan.
                    return amount < 0 ? double.PositiveInfinity : call.TargetMethod.Name switch
                    {
                        "FromMilliseconds" => amount / 1000,
                        "FromSeconds" => amount,
                        "FromMinutes" => amount * 60,
                        "FromHours" => amount * 3600,
                        "FromDays" => amount * 86400,
                        _ => null,
                    };
                case IObjectCreationOperation creation when IsSystemTimeSpan(creation.Type):
                    return Constructed(creation);
                default:
                    return null;
            }
        }

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
