using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LaunchReady.Analyzers.Infrastructure
{
    /// <summary>
    /// Where a constant value ends up: the parameter, property, field, local or dictionary key it is
    /// given to, or a comparison it takes part in. Rules use it to tell an endpoint or secret from a
    /// value that is only compared or searched for.
    /// </summary>
    public readonly struct ValueUse
    {
        private static readonly HashSet<string> ComparisonMethods = new HashSet<string>(StringComparer.Ordinal)
        {
            "Equals", "StartsWith", "EndsWith", "Contains", "IndexOf", "LastIndexOf", "Compare", "CompareOrdinal",
            "Replace", "Split", "Trim", "TrimStart", "TrimEnd", "IsMatch", "Match", "Matches", "ContainsKey", "Remove",
        };

        private const int MaxClimb = 32;

        private ValueUse(string? targetName, IMethodSymbol? method, ITypeSymbol? convertedType, bool isComparison, string? receiverName = null)
        {
            TargetName = targetName;
            Method = method;
            ConvertedType = convertedType;
            IsComparison = isComparison;
            ReceiverName = receiverName;
        }

        /// <summary>Name of the parameter, property, field, local or (last segment of the) dictionary key receiving the value.</summary>
        public string? TargetName { get; }

        /// <summary>The method or constructor the value is passed to, if any.</summary>
        public IMethodSymbol? Method { get; }

        /// <summary>The type a user-defined implicit conversion turned the value into (for example XNamespace).</summary>
        public ITypeSymbol? ConvertedType { get; }

        /// <summary>The value is compared with or searched for, not used as data.</summary>
        public bool IsComparison { get; }

        /// <summary>For an argument of an instance call, the name of the member or local it is called on (<c>app.Urls.Add</c> gives Urls).</summary>
        public string? ReceiverName { get; }

        public static ValueUse Of(IOperation operation)
        {
            ITypeSymbol? convertedType = null;
            var current = operation;
            var parent = current.Parent;

            // Climb through the wrappers that keep the value's meaning; bounded, so that a 50,000-part
            // concatenation does not make each of its literals walk the whole chain.
            var steps = 0;
            while (parent is not null && steps++ < MaxClimb)
            {
                // Encoding.UTF8.GetBytes("..."), Convert.FromBase64String("..."): the bytes carry the same secret.
                if (parent is IArgumentOperation { Parent: IInvocationOperation encode } && IsEncoding(encode.TargetMethod))
                {
                    current = encode;
                    parent = current.Parent;
                    continue;
                }

                if (parent is IConversionOperation conversion)
                {
                    if (conversion.OperatorMethod is not null)
                    {
                        convertedType = conversion.Type;
                    }
                }
                else if (!(parent is IInterpolatedStringTextOperation
                    || parent is IInterpolationOperation
                    || parent is IInterpolatedStringOperation
                    || parent is ICoalesceOperation
                    || parent is IArrayInitializerOperation
                    || parent is IArrayCreationOperation
                    || (parent is IConditionalOperation conditional && conditional.Condition != current)
                    || (parent is IBinaryOperation concat && concat.OperatorKind == BinaryOperatorKind.Add && concat.Type?.SpecialType == SpecialType.System_String)))
                {
                    break;
                }

                current = parent;
                parent = current.Parent;
            }

            switch (parent)
            {
                case IBinaryOperation binary when binary.OperatorKind == BinaryOperatorKind.Equals || binary.OperatorKind == BinaryOperatorKind.NotEquals:
                case IPatternOperation:
                case ICaseClauseOperation:
                case IIsPatternOperation:
                    return new ValueUse(null, null, convertedType, isComparison: true);
                case IArgumentOperation argument:
                    return FromArgument(argument, convertedType);
                case IInvocationOperation call when call.Instance == current && ComparisonMethods.Contains(call.TargetMethod.Name):
                    return new ValueUse(null, call.TargetMethod, convertedType, isComparison: true);
                case ISimpleAssignmentOperation assignment when assignment.Value == current:
                    return new ValueUse(NameOf(assignment.Target), null, convertedType, false);
                case IVariableInitializerOperation initializer when initializer.Parent is IVariableDeclaratorOperation declarator:
                    return new ValueUse(declarator.Symbol.Name, null, convertedType, false);
                case IFieldInitializerOperation field when field.InitializedFields.Length > 0:
                    return new ValueUse(field.InitializedFields[0].Name, null, convertedType, false);
                case IPropertyInitializerOperation property when property.InitializedProperties.Length > 0:
                    return new ValueUse(property.InitializedProperties[0].Name, null, convertedType, false);
                case IParameterInitializerOperation parameter:
                    return new ValueUse(parameter.Parameter.Name, null, convertedType, false);
                default:
                    return new ValueUse(null, null, convertedType, false);
            }
        }

        private static bool IsEncoding(IMethodSymbol method) =>
            method.Name is "GetBytes" or "FromBase64String" or "FromHexString"
            && method.ContainingType?.ContainingNamespace?.ToDisplayString() is "System.Text" or "System";

        private static ValueUse FromArgument(IArgumentOperation argument, ITypeSymbol? convertedType)
        {
            var method = argument.Parent switch
            {
                IInvocationOperation invocation => invocation.TargetMethod,
                IObjectCreationOperation creation => creation.Constructor,
                _ => null,
            };

            var name = argument.Parameter?.Name;
            if (method is not null && ComparisonMethods.Contains(method.Name))
            {
                return new ValueUse(name, method, convertedType, isComparison: true);
            }

            // new AuthenticationHeaderValue("Bearer", "..."): the parameter is the credential.
            if (name == "parameter" && method?.ContainingType?.Name == "AuthenticationHeaderValue")
            {
                name = "AuthorizationToken";
            }

            // new SymmetricSecurityKey(bytes), new HMACSHA256(bytes): a bare "key" parameter of a crypto type is a signing key.
            if (name == "key" && method?.ContainingType is { } owner
                && (owner.Name.EndsWith("SecurityKey", StringComparison.Ordinal)
                    || owner.ContainingNamespace?.ToDisplayString().StartsWith("System.Security.Cryptography", StringComparison.Ordinal) == true))
            {
                name = "SigningKey";
            }

            // dictionary.Add("Redis:Host", value), UseSetting("urls", value), SetEnvironmentVariable("API_KEY", value): the key names the value.
            var keyedArguments = argument.Parent switch
            {
                IInvocationOperation call => call.Arguments,
                IObjectCreationOperation creation => creation.Arguments,
                _ => ImmutableArray<IArgumentOperation>.Empty,
            };

            // KeyValuePair<string, string>("Smtp:Password", value) names its value like dictionary.Add does.
            if (name == "value" && keyedArguments.Length == 2 && keyedArguments[1] == argument)
            {
                var keyOperation = keyedArguments[0].Value;
                if (keyOperation.ConstantValue.Value is string key)
                {
                    name = LastKeySegment(key);
                }
                else if (keyOperation is IMemberReferenceOperation keyMember)
                {
                    name = keyMember.Member.Name;
                }
            }

            var receiver = (argument.Parent as IInvocationOperation)?.Instance;
            return new ValueUse(name, method, convertedType, false, receiver is null ? null : NameOf(receiver));
        }

        private static string? NameOf(IOperation target)
        {
            switch (target)
            {
                case IPropertyReferenceOperation property when property.Arguments.Length == 1
                    && property.Arguments[0].Value.ConstantValue.Value is string key:
                    return LastKeySegment(key);
                case IMemberReferenceOperation member:
                    return member.Member.Name;
                case ILocalReferenceOperation local:
                    return local.Local.Name;
                case IParameterReferenceOperation parameter:
                    return parameter.Parameter.Name;
                default:
                    return null;
            }
        }

        // Configuration keys are paths ("Redis:Host", "Smtp__Password", "Jwt:Key"); the last two segments
        // name the value, so a generic last segment ("Key") keeps its qualifier ("Jwt").
        private static string LastKeySegment(string key)
        {
            var normalized = key.Replace("__", ":");
            var last = normalized.LastIndexOf(':');
            if (last <= 0)
            {
                return normalized;
            }

            var previous = normalized.LastIndexOf(':', last - 1);
            return normalized.Substring(previous + 1);
        }
    }
}
