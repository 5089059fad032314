using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LaunchReady.Analyzers.Http
{
    /// <summary>Where an HttpClient gets its timeout: its initializer, a later assignment, a helper method, or its registration's pipeline.</summary>
    internal static class HttpClientTimeouts
    {
        private static readonly string[] StandardHandlers = { "AddStandardResilienceHandler", "AddStandardHedgingHandler" };
        private static readonly string[] BuilderMethods = { "ConfigureHttpClient", "AddResilienceHandler", "AddPolicyHandler", "AddStandardResilienceHandler", "AddStandardHedgingHandler" };

        /// <summary>Is the Timeout of the client created here set: in the initializer, on the local, field or property it is stored in, or by a method it is handed to?</summary>
        public static bool IsSet(IObjectCreationOperation creation)
        {
            if (creation.Initializer is { } initializer && initializer.Initializers.Any(i =>
                i is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Timeout" } }))
            {
                return true;
            }

            IOperation current = creation;
            while (current.Parent is IConversionOperation or IParenthesizedOperation or ICoalesceOperation)
            {
                current = current.Parent;
            }

            switch (current.Parent)
            {
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    return SetOnLocal(creation, declarator.Symbol.Name);
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation local }:
                    return SetOnLocal(creation, local.Local.Name);
                case ISimpleAssignmentOperation { Target: IMemberReferenceOperation member }:
                    return SetOnMember(member.Member);
                case IFieldInitializerOperation field when field.InitializedFields.Length > 0:
                    return SetOnMember(field.InitializedFields[0]);
                case IPropertyInitializerOperation property when property.InitializedProperties.Length > 0:
                    return SetOnMember(property.InitializedProperties[0]);
                case IArgumentOperation { Parameter: { } parameter }:
                    return MethodSetsTimeoutOn(parameter);
                default:
                    return false;
            }
        }

        /// <summary>Does an AddHttpClient registration get a timeout from its configure lambda or its builder chain?</summary>
        public static bool RegistrationIsCovered(IInvocationOperation registration)
        {
            if (registration.Arguments.Any(a => ConfiguresTimeout(a.Value)))
            {
                return true;
            }

            IOperation current = registration;
            while (true)
            {
                var parent = current.Parent;
                while (parent is IConversionOperation)
                {
                    current = parent;
                    parent = parent.Parent;
                }

                IInvocationOperation? next = parent switch
                {
                    IArgumentOperation { Parent: IInvocationOperation call } argument when call.Arguments.Length > 0 && call.Arguments[0] == argument => call,
                    IInvocationOperation call when call.Instance == current => call,
                    _ => null,
                };

                if (next is null)
                {
                    break;
                }

                if (GivesTimeout(next.TargetMethod.Name, next.Syntax) || next.Arguments.Any(a => ConfiguresTimeout(a.Value))
                    || ProjectMethodGivesTimeout(next.TargetMethod))
                {
                    return true;
                }

                current = next;
            }

            // return services.AddHttpClient<T>(...): the caller configures the builder further, out of sight.
            if (current.Parent is IReturnOperation)
            {
                return true;
            }

            // var builder = services.AddHttpClient<Client>(); builder.AddStandardResilienceHandler(); or Pipelines.AddTimeouts(builder);
            if (current.Parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }
                && HttpSyntax.ScopeOf(registration.Syntax) is { } scope)
            {
                return BuilderLocalGetsTimeout(scope, declarator.Symbol.Name, registration.SemanticModel);
            }

            return false;
        }

        private static bool BuilderLocalGetsTimeout(SyntaxNode scope, string local, SemanticModel? model)
        {
            foreach (var call in scope.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (call.Expression is MemberAccessExpressionSyntax member && HttpSyntax.Names(member.Expression, local)
                    && GivesTimeout(member.Name.Identifier.ValueText, call))
                {
                    return true;
                }

                var passed = call.ArgumentList.Arguments.Any(a => a.Expression is IdentifierNameSyntax id && id.Identifier.ValueText == local)
                    || (call.Expression is MemberAccessExpressionSyntax receiver && HttpSyntax.Names(receiver.Expression, local));
                if (passed && model is not null && call.SyntaxTree == model.SyntaxTree
                    && model.GetSymbolInfo(call).Symbol is IMethodSymbol method && ProjectMethodGivesTimeout(method))
                {
                    return true;
                }
            }

            return false;
        }

        // c => c.Timeout = ..., or a method group (Pipelines.ConfigureInventory) whose body sets one.
        private static bool ConfiguresTimeout(IOperation value)
        {
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            return value switch
            {
                IAnonymousFunctionOperation lambda => HttpCompilationIndex.GivesTimeout(lambda.Syntax),
                IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda } => HttpCompilationIndex.GivesTimeout(lambda.Syntax),
                IDelegateCreationOperation { Target: IMethodReferenceOperation reference } => ProjectMethodGivesTimeout(reference.Method),
                _ => false,
            };
        }

        // builder.AddDefaultResilience(): an extension of the project that adds a timeout or a resilience handler.
        private static bool ProjectMethodGivesTimeout(IMethodSymbol method) =>
            (method.ReducedFrom ?? method).DeclaringSyntaxReferences.Any(reference => HttpCompilationIndex.GivesTimeout(reference.GetSyntax()));

        /// <summary>A client timeout under a pipeline that has its own total timeout (in the same chain, or on the builder local).</summary>
        public static bool PipelineBoundsRequests(IOperation assignment)
        {
            var statement = assignment.Syntax.Ancestors().OfType<StatementSyntax>().LastOrDefault(s => s is ExpressionStatementSyntax or LocalDeclarationStatementSyntax);
            if (statement is null)
            {
                return false;
            }

            if (statement.DescendantNodes().OfType<InvocationExpressionSyntax>()
                .Any(call => HttpSyntax.NameOf(call) is { } name && name != "ConfigureHttpClient" && GivesTimeout(name, call)))
            {
                return true;
            }

            return statement is LocalDeclarationStatementSyntax local && HttpSyntax.ScopeOf(statement) is { } scope
                && local.Declaration.Variables.Any(v => BuilderLocalGetsTimeout(scope, v.Identifier.ValueText, assignment.SemanticModel));
        }

        /// <summary>Streaming code that bounds each request itself: CancelAfter, or a CancellationTokenSource created with a delay.</summary>
        public static bool BoundsWithCancelAfter(IOperation assignment)
        {
            var scope = (SyntaxNode?)assignment.Syntax.FirstAncestorOrSelf<TypeDeclarationSyntax>() ?? assignment.Syntax.FirstAncestorOrSelf<CompilationUnitSyntax>();
            return scope is not null && (HttpSyntax.Calls(scope, "CancelAfter")
                || scope.DescendantNodes().OfType<BaseObjectCreationExpressionSyntax>().Any(o =>
                    (o as ObjectCreationExpressionSyntax)?.Type.ToString() == "CancellationTokenSource" && o.ArgumentList?.Arguments.Count == 1));
        }

        private static bool GivesTimeout(string methodName, SyntaxNode call)
        {
            if (Array.IndexOf(StandardHandlers, methodName) >= 0)
            {
                return true;
            }

            if (Array.IndexOf(BuilderMethods, methodName) < 0)
            {
                return false;
            }

            // AddPolicyHandler(timeoutPolicy) names its policy; the others configure it in a lambda.
            return HttpCompilationIndex.GivesTimeout(call)
                || (methodName == "AddPolicyHandler" && call.DescendantNodes().OfType<IdentifierNameSyntax>()
                    .Any(id => id.Identifier.ValueText.IndexOf("timeout", StringComparison.OrdinalIgnoreCase) >= 0));
        }

        private static bool SetOnLocal(IOperation creation, string local)
        {
            var scope = HttpSyntax.ScopeOf(creation.Syntax);
            if (scope is null)
            {
                return false;
            }

            return HttpSyntax.AssignsProperty(scope, local, "Timeout") || HandedToSetter(creation.SemanticModel, scope, local);
        }

        // Fields and properties may be configured anywhere in the type, including other partial files.
        private static bool SetOnMember(ISymbol member) =>
            member.ContainingType.DeclaringSyntaxReferences.Any(reference => HttpSyntax.AssignsProperty(reference.GetSyntax(), member.Name, "Timeout"));

        // client.ConfigureDefaults() or Configure(client) where that method sets the parameter's Timeout.
        private static bool HandedToSetter(SemanticModel? model, SyntaxNode scope, string name)
        {
            if (model is null)
            {
                return false;
            }

            foreach (var call in scope.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                var receiverIsName = call.Expression is MemberAccessExpressionSyntax member && HttpSyntax.Names(member.Expression, name);
                var argumentIndex = call.ArgumentList.Arguments.IndexOf(a => a.Expression is IdentifierNameSyntax id && id.Identifier.ValueText == name);
                if (!receiverIsName && argumentIndex < 0 || call.SyntaxTree != model.SyntaxTree)
                {
                    continue;
                }

                if (model.GetSymbolInfo(call).Symbol is not IMethodSymbol method)
                {
                    continue;
                }

                var declaration = method.ReducedFrom ?? method;
                var parameterIndex = receiverIsName && method.ReducedFrom is not null ? 0 : argumentIndex + (method.ReducedFrom is not null ? 1 : 0);
                if (parameterIndex >= 0 && parameterIndex < declaration.Parameters.Length && MethodSetsTimeoutOn(declaration.Parameters[parameterIndex]))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool MethodSetsTimeoutOn(IParameterSymbol parameter)
        {
            var method = parameter.ContainingSymbol;
            if (method is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor)
            {
                // new Client(new HttpClient()): the constructor may keep it in a field and configure that.
                return constructor.ContainingType.DeclaringSyntaxReferences.Any(reference => HttpSyntax.AssignsProperty(reference.GetSyntax(), null, "Timeout"));
            }

            return method.DeclaringSyntaxReferences.Any(reference => HttpSyntax.AssignsProperty(reference.GetSyntax(), parameter.Name, "Timeout"));
        }
    }
}
