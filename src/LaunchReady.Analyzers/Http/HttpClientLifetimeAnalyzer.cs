using System.Collections.Immutable;
using System.Linq;
using LaunchReady.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LaunchReady.Analyzers.Http
{
    /// <summary>
    /// LR0023 (an HttpClient created per operation) and LR0024 (a long-lived HttpClient whose
    /// connections never recycle). Neither applies to Blazor WebAssembly, where HttpClient goes through
    /// the browser's fetch and there are no sockets or connection pools.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class HttpClientLifetimeAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor PerOperationRule = RuleCatalog.Create(
            DiagnosticIds.HttpClientPerOperation,
            "HttpClient constructed per operation",
            "A new HttpClient is created {0}; under load this exhausts sockets, so use IHttpClientFactory (AddHttpClient) or one shared client",
            DiagnosticCategories.Http,
            DiagnosticSeverity.Warning,
            "Each HttpClient owns its connection pool; disposing one leaves its sockets in TIME_WAIT. Creating one per request runs the machine out of ports under the first traffic spike.");

        public static readonly DiagnosticDescriptor StaleDnsRule = RuleCatalog.Create(
            DiagnosticIds.StaleDnsHttpClient,
            "Long-lived HttpClient without PooledConnectionLifetime",
            "This long-lived HttpClient {0}, so it keeps using old DNS answers after a failover; use a SocketsHttpHandler with PooledConnectionLifetime",
            DiagnosticCategories.Http,
            DiagnosticSeverity.Info,
            "A static or singleton HttpClient keeps its connections open for ever; after a DNS change (failover, blue-green deploy, provider migration) it keeps talking to the old address.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(PerOperationRule, StaleDnsRule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var httpClient = start.Compilation.GetTypeByMetadataName("System.Net.Http.HttpClient");
                var isBrowser = start.Compilation.ReferencedAssemblyNames.Any(a => a.Name == "Microsoft.AspNetCore.Components.WebAssembly");
                if (httpClient is null || isBrowser)
                {
                    return;
                }

                var index = new HttpCompilationIndex(start.Compilation, start.CancellationToken);
                var testCode = TestCodeFilter.Create(start.Compilation, start.Options);

                // Outside ASP.NET Core, a method's call pattern is unknown (a console tool's RunAsync runs once).
                var isWeb = start.Compilation.ReferencedAssemblyNames.Any(a => a.Name == "Microsoft.AspNetCore.Http.Abstractions" || a.Name == "Microsoft.AspNetCore");
                start.RegisterOperationAction(testCode.OutsideTests(c => Analyze(c, httpClient, index, isWeb)), OperationKind.ObjectCreation);
            });
        }

        private static void Analyze(OperationAnalysisContext context, INamedTypeSymbol httpClient, HttpCompilationIndex index, bool isWeb)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (!SymbolEqualityComparer.Default.Equals(creation.Type, httpClient))
            {
                return;
            }

            switch (Lifetime.Of(creation, index, isWeb))
            {
                case ClientLifetime.PerOperation perOperation:
                    context.ReportDiagnostic(Finding.Create(PerOperationRule, creation.Syntax.GetLocation(), perOperation.Where));
                    break;
                case ClientLifetime.LongLived when StaleDnsReason(creation) is { } reason:
                    context.ReportDiagnostic(Finding.Create(StaleDnsRule, creation.Syntax.GetLocation(), reason));
                    break;
            }
        }

        // Why the handler never recycles connections, or null when it does (or cannot be told).
        private static string? StaleDnsReason(IObjectCreationOperation creation)
        {
            var handler = creation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "handler")?.Value;
            while (handler is IConversionOperation conversion)
            {
                handler = conversion.Operand;
            }

            switch (handler)
            {
                case null:
                    return "uses the default handler";
                case IObjectCreationOperation { Type.Name: "HttpClientHandler" }:
                    return "uses HttpClientHandler, which cannot recycle connections";
                case IObjectCreationOperation { Type.Name: "SocketsHttpHandler" } sockets:
                    return sockets.Initializer?.Initializers.Any(i => i is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "PooledConnectionLifetime" } }) == true
                        ? null
                        : "uses a SocketsHttpHandler without PooledConnectionLifetime";
                default:
                    return null;
            }
        }

        private abstract class ClientLifetime
        {
            public sealed class PerOperation : ClientLifetime
            {
                public PerOperation(string where) => Where = where;

                public string Where { get; }
            }

            public sealed class LongLived : ClientLifetime
            {
            }

            public sealed class Unknown : ClientLifetime
            {
            }
        }

        private static class Lifetime
        {
            public static ClientLifetime Of(IObjectCreationOperation creation, HttpCompilationIndex index, bool isWeb)
            {
                var syntax = creation.Syntax;
                IOperation current = creation;
                while (current.Parent is IConversionOperation or ICoalesceOperation or IParenthesizedOperation)
                {
                    current = current.Parent;
                }

                // Stored in a field or property: lives as long as its owner.
                var storedIn = current.Parent switch
                {
                    IFieldInitializerOperation field => field.InitializedFields.FirstOrDefault() as ISymbol,
                    IPropertyInitializerOperation property => property.InitializedProperties.FirstOrDefault(),
                    ISimpleAssignmentOperation { Target: IMemberReferenceOperation assigned } => assigned.Member,
                    ICoalesceAssignmentOperation { Target: IMemberReferenceOperation cached } => cached.Member,
                    _ => null,
                };

                var member = syntax.FirstAncestorOrSelf<MemberDeclarationSyntax>();
                var type = creation.SemanticModel?.GetEnclosingSymbol(syntax.SpanStart)?.ContainingType;
                if (storedIn is not null)
                {
                    if (storedIn.IsStatic)
                    {
                        return new ClientLifetime.LongLived();
                    }

                    return OwnerLifetime(member, type, index);
                }

                switch (RegistrationLifetime(creation))
                {
                    case "AddSingleton" or "TryAddSingleton" or "AddKeyedSingleton":
                        return new ClientLifetime.LongLived();
                    case "AddScoped" or "TryAddScoped" or "AddKeyedScoped" or "AddTransient" or "TryAddTransient" or "AddKeyedTransient":
                        return new ClientLifetime.PerOperation("each time the service is resolved, which happens per request or per use");
                }

                if (IsLazyFactory(creation))
                {
                    return new ClientLifetime.LongLived();
                }

                // app.MapGet("/quote", () => { using var client = new HttpClient(); ... }) runs per request.
                if (HandlerOfEndpoint(syntax) is { } endpoint)
                {
                    return new ClientLifetime.PerOperation("in every request to the endpoint mapped by " + endpoint);
                }

                // Handed back to the caller (a factory method), or built during startup: the caller or the host decides.
                if (IsReturned(creation) || IsStartupCode(member))
                {
                    return new ClientLifetime.Unknown();
                }

                // Top-level statements and Main run once.
                if (member is null || member is GlobalStatementSyntax || member is MethodDeclarationSyntax { Identifier.ValueText: "Main" })
                {
                    return new ClientLifetime.Unknown();
                }

                if (isWeb && IsInUsing(syntax))
                {
                    return new ClientLifetime.PerOperation("and disposed by a using on every call of " + Describe(member));
                }

                if (member is ConstructorDeclarationSyntax ctor)
                {
                    return ctor.Modifiers.Any(SyntaxKind.StaticKeyword) ? new ClientLifetime.LongLived() : OwnerLifetime(member, type, index);
                }

                return isWeb && member is MethodDeclarationSyntax or PropertyDeclarationSyntax or OperatorDeclarationSyntax
                    ? new ClientLifetime.PerOperation("on every call of " + Describe(member))
                    : new ClientLifetime.Unknown();
            }

            // A constructor runs per request in controllers and scoped or transient services, once in singletons.
            private static ClientLifetime OwnerLifetime(MemberDeclarationSyntax? member, INamedTypeSymbol? type, HttpCompilationIndex index)
            {
                if (type is null)
                {
                    return new ClientLifetime.Unknown();
                }

                if (type.IsStatic || index.IsSingleton(type.Name))
                {
                    return new ClientLifetime.LongLived();
                }

                if (IsPerRequestType(type) || index.IsPerRequest(type.Name))
                {
                    return new ClientLifetime.PerOperation("each time '" + type.Name + "' is created, which happens per request");
                }

                return new ClientLifetime.Unknown();
            }

            private static bool IsPerRequestType(INamedTypeSymbol type)
            {
                for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
                {
                    if (baseType.Name is "ControllerBase" or "PageModel" or "Hub" or "ComponentBase")
                    {
                        return true;
                    }
                }

                return false;
            }

            // services.AddSingleton(new HttpClient()), services.AddScoped(sp => new HttpClient { ... }): the registration method.
            private static string? RegistrationLifetime(IOperation creation)
            {
                for (var operation = creation.Parent; operation is not null; operation = operation.Parent)
                {
                    if (operation is IInvocationOperation call)
                    {
                        return call.TargetMethod.Name;
                    }
                }

                return null;
            }

            // return new HttpClient(...); or var client = new HttpClient(...); ...; return client;
            private static bool IsReturned(IObjectCreationOperation creation)
            {
                IOperation current = creation;
                while (current.Parent is IConversionOperation)
                {
                    current = current.Parent;
                }

                if (current.Parent is IReturnOperation)
                {
                    return true;
                }

                if (current.Parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }
                    && HttpSyntax.ScopeOf(creation.Syntax) is { } scope)
                {
                    var name = declarator.Symbol.Name;
                    return scope.DescendantNodes().OfType<ReturnStatementSyntax>().Any(r => r.Expression is IdentifierNameSyntax id && id.Identifier.ValueText == name)
                        || scope.DescendantNodes().OfType<ArgumentSyntax>().Any(a => a.Expression is IdentifierNameSyntax id && id.Identifier.ValueText == name
                            && a.Parent?.Parent is InvocationExpressionSyntax call && HttpSyntax.NameOf(call) is { } registration && registration.StartsWith("Add", System.StringComparison.Ordinal));
                }

                return false;
            }

            // DI registration extensions (a parameter of IServiceCollection or a host builder) and a hosted
            // service's ExecuteAsync/StartAsync run once, at startup.
            private static bool IsStartupCode(MemberDeclarationSyntax? member)
            {
                if (member is not MethodDeclarationSyntax method)
                {
                    return false;
                }

                if (method.Identifier.ValueText is "ExecuteAsync" or "StartAsync" or "ConfigureServices" or "Configure")
                {
                    return true;
                }

                return method.ParameterList.Parameters.Any(p => p.Type?.ToString() is "IServiceCollection" or "IHostApplicationBuilder"
                    or "WebApplicationBuilder" or "IHostBuilder" or "IApplicationBuilder" or "WebApplication");
            }

            private static string? HandlerOfEndpoint(SyntaxNode syntax)
            {
                foreach (var lambda in syntax.Ancestors().OfType<AnonymousFunctionExpressionSyntax>())
                {
                    // MapGet/MapPost/... handlers run per request; Map/MapWhen/MapGroup branches are built once.
                    if (lambda.Parent is ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax call }
                        && HttpSyntax.NameOf(call) is { } name && name.StartsWith("Map", System.StringComparison.Ordinal)
                        && name is not ("Map" or "MapWhen" or "MapGroup"))
                    {
                        return "'" + name + "'";
                    }
                }

                return null;
            }

            // new Lazy<HttpClient>(() => ...), Lazy<HttpClient> x = new(() => ...), LazyInitializer.EnsureInitialized(ref x, () => ...)
            private static bool IsLazyFactory(IOperation creation)
            {
                for (var operation = creation.Parent; operation is not null; operation = operation.Parent)
                {
                    if (operation is IObjectCreationOperation { Type.Name: "Lazy" }
                        || operation is IInvocationOperation { TargetMethod.Name: "EnsureInitialized" or "GetOrAdd" or "GetOrCreate" })
                    {
                        return true;
                    }
                }

                return false;
            }

            private static bool IsInUsing(SyntaxNode syntax) =>
                syntax.Parent is EqualsValueClauseSyntax { Parent.Parent.Parent: LocalDeclarationStatementSyntax local } && local.UsingKeyword != default
                || syntax.Parent is EqualsValueClauseSyntax { Parent.Parent.Parent: UsingStatementSyntax }
                || syntax.Parent is UsingStatementSyntax;

            private static string Describe(MemberDeclarationSyntax member) => member switch
            {
                MethodDeclarationSyntax method => "'" + method.Identifier.ValueText + "'",
                PropertyDeclarationSyntax property => "'" + property.Identifier.ValueText + "'",
                ConstructorDeclarationSyntax ctor => "'" + ctor.Identifier.ValueText + "'",
                _ => "this member",
            };
        }
    }
}
