using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LaunchReady.Analyzers.Config
{
    /// <summary>
    /// Recognises the ways .NET code reads configuration by name and works out the full key:
    /// <c>Environment.GetEnvironmentVariable</c>, <c>IConfiguration</c> indexers, <c>GetValue</c>,
    /// <c>GetSection</c> (chains included), <c>GetConnectionString</c>, <c>Bind</c> and <c>BindConfiguration</c>.
    /// </summary>
    public sealed class ConfigReads
    {
        private readonly INamedTypeSymbol environment;
        private readonly INamedTypeSymbol? configuration;
        private readonly INamedTypeSymbol? section;
        private readonly INamedTypeSymbol? binder;
        private readonly INamedTypeSymbol? extensions;
        private readonly INamedTypeSymbol? optionsBuilderExtensions;

        private ConfigReads(Compilation compilation, INamedTypeSymbol environment)
        {
            this.environment = environment;
            configuration = compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.IConfiguration");
            section = compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.IConfigurationSection");
            binder = compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.ConfigurationBinder");
            extensions = compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.ConfigurationExtensions");
            optionsBuilderExtensions = compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.OptionsBuilderConfigurationExtensions");
        }

        public static ConfigReads? Create(Compilation compilation)
        {
            var environment = compilation.GetTypeByMetadataName("System.Environment");
            return environment is null ? null : new ConfigReads(compilation, environment);
        }

        /// <summary>Names of the methods that read configuration by key; most invocations are turned away by their name alone.</summary>
        public static bool IsReadMethodName(string name)
        {
            switch (name)
            {
                case "GetEnvironmentVariable":
                case "GetValue":
                case "Bind":
                case "GetConnectionString":
                case "GetRequiredSection":
                case "BindConfiguration":
                case "GetSection":
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>The key an operation reads, whether it names an environment variable or a section, and the argument holding the name.</summary>
        public (string Key, bool IsVariable, bool IsSection, IOperation Argument)? Classify(IOperation operation)
        {
            var read = ClassifyRead(operation);
            if (read is null || IsReceiverOfKeyedRead(operation))
            {
                return null;
            }

            return read;
        }

        private (string Key, bool IsVariable, bool IsSection, IOperation Argument)? ClassifyRead(IOperation operation)
        {
            if (operation is IPropertyReferenceOperation property)
            {
                return ClassifyIndexer(property);
            }

            if (operation is not IInvocationOperation invocation)
            {
                return null;
            }

            var method = invocation.TargetMethod;
            if (!IsReadMethodName(method.Name))
            {
                return null;
            }

            var type = method.ContainingType?.OriginalDefinition;
            if (SymbolEqualityComparer.Default.Equals(type, environment))
            {
                return method.Name == "GetEnvironmentVariable" && ConstantKey(invocation, 0) is { } variable
                    ? (variable.Key, true, false, variable.Argument)
                    : null;
            }

            if (configuration is null)
            {
                return null;
            }

            if (SymbolEqualityComparer.Default.Equals(type, binder) && method.IsExtensionMethod)
            {
                // GetValue(config, key), GetValue<T>(config, key[, default]), GetValue(config, type, key[, default]), Bind(config, key, instance)
                var keyIndex = method.Name == "GetValue" && method.Parameters.Length > 1 && method.Parameters[1].Type.SpecialType != SpecialType.System_String ? 2 : 1;
                if ((method.Name == "GetValue" || (method.Name == "Bind" && method.Parameters.Length == 3))
                    && method.Parameters.Length > keyIndex && method.Parameters[keyIndex].Type.SpecialType == SpecialType.System_String)
                {
                    return Keyed(invocation, Receiver(invocation), keyIndex, method.Name == "Bind");
                }

                return null;
            }

            if (SymbolEqualityComparer.Default.Equals(type, extensions) && method.IsExtensionMethod)
            {
                if (method.Name == "GetConnectionString")
                {
                    var prefix = PrefixOf(Receiver(invocation));
                    return prefix is not null && ConstantKey(invocation, 1) is { } name
                        ? (prefix + "ConnectionStrings:" + name.Key, false, false, name.Argument)
                        : null;
                }

                return method.Name == "GetRequiredSection" ? Keyed(invocation, Receiver(invocation), 1, true) : null;
            }

            if (SymbolEqualityComparer.Default.Equals(type, optionsBuilderExtensions) && method.Name == "BindConfiguration")
            {
                return ConstantKey(invocation, 1) is { } path ? (path.Key, false, true, path.Argument) : null;
            }

            if (method.Name == "GetSection" && !method.IsStatic && method.Parameters.Length == 1 && method.ContainingType is not null && IsConfiguration(method.ContainingType))
            {
                return Keyed(invocation, invocation.Instance, 0, true);
            }

            return null;
        }

        private (string Key, bool IsVariable, bool IsSection, IOperation Argument)? ClassifyIndexer(IPropertyReferenceOperation property)
        {
            if (configuration is null || !property.Property.IsIndexer || property.Arguments.Length != 1
                || property.Arguments[0].Value.Type?.SpecialType != SpecialType.System_String || !IsConfiguration(property.Property.ContainingType))
            {
                return null;
            }

            // config["X"] = value writes the key; it is not a read that production must provide.
            if (property.Parent is ISimpleAssignmentOperation assignment && assignment.Target == property)
            {
                return null;
            }

            var prefix = PrefixOf(property.Instance);
            var key = Constant(property.Arguments[0].Value);
            return prefix is null || key is null ? null : (prefix + key, false, false, property.Arguments[0].Value);
        }

        private (string Key, bool IsVariable, bool IsSection, IOperation Argument)? Keyed(IInvocationOperation invocation, IOperation? receiver, int argumentIndex, bool isSection)
        {
            var prefix = PrefixOf(receiver);
            return prefix is not null && ConstantKey(invocation, argumentIndex) is { } key ? (prefix + key.Key, false, isSection, key.Argument) : null;
        }

        /// <summary>
        /// The key prefix a configuration object stands for: "" for the root, "A:B:" for GetSection("A").GetSection("B"),
        /// null when unknown (a section handed in from elsewhere, a non-constant name).
        /// </summary>
        private string? PrefixOf(IOperation? receiver, int depth = 0)
        {
            receiver = Unwrap(receiver);
            while (receiver is IConditionalAccessOperation conditional)
            {
                // configuration?.GetSection("Smtp") stands for the section when it is not null.
                receiver = Unwrap(conditional.WhenNotNull);
            }

            if (receiver is null || depth > 8)
            {
                return null;
            }

            if (receiver is IInvocationOperation invocation && ClassifyRead(invocation) is { IsSection: true } sectionRead
                && invocation.TargetMethod.Name != "Bind" && invocation.TargetMethod.Name != "BindConfiguration")
            {
                return sectionRead.Key + ":";
            }

            // var smtp = configuration.GetSection("Smtp"); ... smtp["Host"]: the section the local was given.
            if (receiver is ILocalReferenceOperation local && SectionAssignedTo(local) is { } initializer)
            {
                return PrefixOf(initializer, depth + 1);
            }

            var type = receiver.Type;
            if (type is null || !IsConfiguration(type) || Implements(type, section))
            {
                return null;
            }

            // A parameter called "section" is a section whatever its declared type.
            if (receiver is IParameterReferenceOperation parameter && parameter.Parameter.Name.IndexOf("section", System.StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return null;
            }

            return string.Empty;
        }

        /// <summary>
        /// The GetSection call a local section variable was initialized with, when the local is never assigned
        /// again in its member; null otherwise (a section handed in, reassigned, or declared elsewhere).
        /// </summary>
        private static IOperation? SectionAssignedTo(ILocalReferenceOperation local)
        {
            if (local.SemanticModel is not { } model
                || local.Local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is not VariableDeclaratorSyntax { Initializer: { } initializer } declarator
                || declarator.SyntaxTree != model.SyntaxTree
                || declarator.FirstAncestorOrSelf<MemberDeclarationSyntax>() is not { } member)
            {
                return null;
            }

            var name = declarator.Identifier.ValueText;
            var reassigned = member.DescendantNodes().Any(n =>
                (n is AssignmentExpressionSyntax { Left: IdentifierNameSyntax target } && target.Identifier.ValueText == name)
                || (n is ArgumentSyntax { RefKindKeyword.RawKind: not 0, Expression: IdentifierNameSyntax passed } && passed.Identifier.ValueText == name));
            if (reassigned)
            {
                return null;
            }

            var value = model.GetOperation(initializer.Value);
            return value is IInvocationOperation or IConversionOperation or IConditionalAccessOperation ? value : null;
        }

        // Walks up from a GetSection call used as the receiver of another keyed read: that read reports the full key instead.
        private bool IsReceiverOfKeyedRead(IOperation operation)
        {
            var parent = operation.Parent;
            while (parent is IConversionOperation || parent is IArgumentOperation)
            {
                parent = parent.Parent;
            }

            if (parent is null || operation is not IInvocationOperation)
            {
                return false;
            }

            // configuration?.GetSection("Smtp")?["Host"]: the read is what runs when the section is not null.
            if (parent is IConditionalAccessOperation access && access.Operation == operation)
            {
                parent = access.WhenNotNull;
                while (parent is IConditionalAccessOperation inner)
                {
                    parent = inner.Operation;
                }
            }

            var parentRead = ClassifyRead(parent);
            if (parentRead is null)
            {
                return false;
            }

            var receiver = parent switch
            {
                IPropertyReferenceOperation property => property.Instance,
                IInvocationOperation invocation => Receiver(invocation),
                _ => null,
            };
            return Unwrap(receiver) == operation;
        }

        private static IOperation? Receiver(IInvocationOperation invocation) =>
            invocation.Instance ?? (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? ArgumentFor(invocation, 0)?.Value : null);

        private static (string Key, IOperation Argument)? ConstantKey(IInvocationOperation invocation, int parameterIndex)
        {
            var argument = ArgumentFor(invocation, parameterIndex);
            var key = argument is null ? null : Constant(argument.Value);
            return key is null ? null : (key, argument!.Value);
        }

        private static IArgumentOperation? ArgumentFor(IInvocationOperation invocation, int parameterIndex)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Ordinal == parameterIndex)
                {
                    return argument;
                }
            }

            return null;
        }

        private static string? Constant(IOperation value) =>
            value.ConstantValue.HasValue && value.ConstantValue.Value is string text && text.Length > 0 ? text : null;

        // Conversions, and the `x` that `x?["Key"]` or `x?.GetSection("A")` reads from.
        private static IOperation? Unwrap(IOperation? operation)
        {
            while (true)
            {
                switch (operation)
                {
                    case IConversionOperation conversion:
                        operation = conversion.Operand;
                        break;
                    case IConditionalAccessInstanceOperation instance:
                        operation = ConditionalReceiver(instance);
                        break;
                    default:
                        return operation;
                }
            }
        }

        private static IOperation? ConditionalReceiver(IConditionalAccessInstanceOperation instance)
        {
            for (IOperation child = instance; child.Parent is { } parent; child = parent)
            {
                if (parent is IConditionalAccessOperation access && access.WhenNotNull == child)
                {
                    return access.Operation;
                }
            }

            return null;
        }

        private bool IsConfiguration(ITypeSymbol type) => Implements(type, configuration);

        private static bool Implements(ITypeSymbol type, INamedTypeSymbol? contract)
        {
            if (contract is null)
            {
                return false;
            }

            if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, contract))
            {
                return true;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, contract))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
