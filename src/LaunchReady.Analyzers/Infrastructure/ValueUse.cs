using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
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

        /// <summary>
        /// What <see cref="Of"/> would say about a value, where the syntax settles it: a local, field, property
        /// or parameter default, an assignment, a named argument, an equality test, or a positional argument
        /// (through the called method's symbol). Lets a rule set a value aside without its operation, which
        /// the semantic model would build for the whole member. False where only the operation tells (the
        /// argument of an encoding call, a value named by its key, anything less common). Without a semantic
        /// model, positional arguments are left undecided too.
        /// </summary>
        public static bool TryOfSyntax(SyntaxNode value, SemanticModel? model, CancellationToken cancellationToken, out ValueUse use)
        {
            use = default;
            var current = value;
            for (var steps = 0; steps < MaxClimb; steps++)
            {
                var parent = current.Parent;
                switch (parent)
                {
                    case ParenthesizedExpressionSyntax:
                    case CastExpressionSyntax:
                    case InterpolationSyntax:
                    case InterpolatedStringExpressionSyntax:
                    case InitializerExpressionSyntax initializer when initializer.IsKind(SyntaxKind.ArrayInitializerExpression):
                    case ArrayCreationExpressionSyntax:
                    case ImplicitArrayCreationExpressionSyntax:
                    case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression) || binary.IsKind(SyntaxKind.CoalesceExpression):
                    case ConditionalExpressionSyntax conditional when conditional.Condition != current:
                        current = parent;
                        continue;
                    case BinaryExpressionSyntax equality when equality.IsKind(SyntaxKind.EqualsExpression) || equality.IsKind(SyntaxKind.NotEqualsExpression):
                    case ConstantPatternSyntax:
                    case CaseSwitchLabelSyntax:
                        use = new ValueUse(null, null, null, isComparison: true);
                        return true;
                    case EqualsValueClauseSyntax clause:
                        var name = clause.Parent switch
                        {
                            VariableDeclaratorSyntax declarator => declarator.Identifier.ValueText,
                            PropertyDeclarationSyntax property => property.Identifier.ValueText,
                            ParameterSyntax parameter => parameter.Identifier.ValueText,
                            _ => null,
                        };
                        use = new ValueUse(name, null, null, false);
                        return name is not null;
                    case AssignmentExpressionSyntax assignment when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && assignment.Right == current:
                        var target = TargetNameOf(assignment.Left);
                        use = new ValueUse(target, null, null, false);
                        return target is not null;
                    case ArgumentSyntax { NameColon: { } nameColon }
                        when nameColon.Name.Identifier.ValueText is not ("parameter" or "key" or "value"):
                        // A named argument names its parameter; calls that Of treats apart (comparisons, encodings) are left to it.
                        use = new ValueUse(nameColon.Name.Identifier.ValueText, null, null, false);
                        return !(parent.Parent?.Parent is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }
                            && (ComparisonMethods.Contains(access.Name.Identifier.ValueText)
                                || access.Name.Identifier.ValueText is "GetBytes" or "FromBase64String" or "FromHexString"));
                    case ArgumentSyntax { NameColon: null, Parent: BaseArgumentListSyntax { Parent: InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax or ElementAccessExpressionSyntax } arguments } argument:
                        return model is not null && TryOfPositionalArgument(argument, arguments, model, cancellationToken, out use);
                    default:
                        return false;
                }
            }

            return false;
        }

        private static bool TryOfPositionalArgument(
            ArgumentSyntax argument, BaseArgumentListSyntax arguments, SemanticModel model, CancellationToken cancellationToken, out ValueUse use)
        {
            use = default;
            var symbol = model.GetSymbolInfo(arguments.Parent!, cancellationToken).Symbol;
            var method = symbol as IMethodSymbol;
            var parameters = symbol switch
            {
                IMethodSymbol called when !IsEncoding(called) => called.Parameters,
                IPropertySymbol indexer => indexer.Parameters,
                _ => ImmutableArray<IParameterSymbol>.Empty,
            };

            var index = arguments.Arguments.IndexOf(argument);
            var parameter = index < parameters.Length ? parameters[index] : parameters.Length > 0 && parameters[parameters.Length - 1].IsParams ? parameters[parameters.Length - 1] : null;

            // The value of a key/value pair is named by its key, which Of reads from the key's operation.
            if (parameter is null || (parameter.Name == "value" && arguments.Arguments.Count == 2 && index == 1))
            {
                return false;
            }

            use = new ValueUse(RenameParameter(parameter.Name, method), method, null, isComparison: method is not null && ComparisonMethods.Contains(method.Name));
            return true;
        }

        private static string? TargetNameOf(ExpressionSyntax target) => target switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            ElementAccessExpressionSyntax { ArgumentList.Arguments: { Count: 1 } arguments } when arguments[0].Expression is LiteralExpressionSyntax key && key.IsKind(SyntaxKind.StringLiteralExpression)
                => LastKeySegment(key.Token.ValueText),
            ImplicitElementAccessSyntax { ArgumentList.Arguments: { Count: 1 } arguments } when arguments[0].Expression is LiteralExpressionSyntax key && key.IsKind(SyntaxKind.StringLiteralExpression)
                => LastKeySegment(key.Token.ValueText),
            _ => null,
        };

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

            name = RenameParameter(name, method);

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

        // Parameters whose own name hides that they take a credential.
        private static string? RenameParameter(string? name, IMethodSymbol? method)
        {
            // new AuthenticationHeaderValue("Bearer", "..."): the parameter is the credential.
            if (name == "parameter" && method?.ContainingType?.Name == "AuthenticationHeaderValue")
            {
                return "AuthorizationToken";
            }

            // new SymmetricSecurityKey(bytes), new HMACSHA256(bytes): a bare "key" parameter of a crypto type is a signing key.
            if (name == "key" && method?.ContainingType is { } owner
                && (owner.Name.EndsWith("SecurityKey", StringComparison.Ordinal)
                    || owner.ContainingNamespace?.ToDisplayString().StartsWith("System.Security.Cryptography", StringComparison.Ordinal) == true))
            {
                return "SigningKey";
            }

            return name;
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
