using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using LaunchReady.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LaunchReady.Analyzers.Http
{
    /// <summary>
    /// LR0020 (an HttpClient or AddHttpClient registration with no timeout) and LR0021 (an infinite or
    /// excessive timeout). Runs only in compilations that reference System.Net.Http.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class HttpClientTimeoutAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Diagnostic property: the timeout, in seconds, a code fix should write.</summary>
        public const string TimeoutSecondsProperty = "TimeoutSeconds";

        /// <summary>Diagnostic property: the configured maximum, in seconds, a code fix should cap a timeout at.</summary>
        public const string MaxTimeoutSecondsProperty = "MaxTimeoutSeconds";

        /// <summary>Diagnostic property on registrations: "true" when Microsoft.Extensions.Http.Resilience is referenced.</summary>
        public const string ResilienceAvailableProperty = "ResilienceAvailable";

        public static readonly DiagnosticDescriptor MissingTimeoutRule = RuleCatalog.Create(
            DiagnosticIds.MissingHttpTimeout,
            "HttpClient without an explicit timeout",
            "{0} has no timeout, so a slow dependency holds each request for the default 100 seconds; set Timeout or add a resilience handler",
            DiagnosticCategories.Http,
            DiagnosticSeverity.Warning,
            "HttpClient waits 100 seconds by default. When a payment, email or AI provider slows down, every user request that calls it hangs far past any latency budget and holds a thread pool thread.");

        public static readonly DiagnosticDescriptor ExcessiveTimeoutRule = RuleCatalog.Create(
            DiagnosticIds.ExcessiveHttpTimeout,
            "Infinite or excessive HTTP timeout",
            "Timeout of {0} lets a stalled dependency hold requests far past a latency budget; use at most {1} seconds",
            DiagnosticCategories.Http,
            DiagnosticSeverity.Warning,
            "An infinite or multi-minute timeout turns a provider outage into an outage of your own: requests queue, threads and sockets run out.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(MissingTimeoutRule, ExcessiveTimeoutRule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var httpClient = start.Compilation.GetTypeByMetadataName("System.Net.Http.HttpClient");
                if (httpClient is null)
                {
                    return;
                }

                var analysis = new CompilationAnalysis(
                    httpClient,
                    new HttpCompilationIndex(start.Compilation, start.CancellationToken),
                    start.Compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.ResilienceHttpClientBuilderExtensions") is not null,
                    start.Options.AnalyzerConfigOptionsProvider);
                var testCode = TestCodeFilter.Create(start.Compilation, start.Options);
                start.RegisterOperationAction(testCode.OutsideTests(analysis.AnalyzeCreation), OperationKind.ObjectCreation);
                start.RegisterOperationAction(testCode.OutsideTests(analysis.AnalyzeInvocation), OperationKind.Invocation);
                start.RegisterOperationAction(testCode.OutsideTests(analysis.AnalyzeAssignment), OperationKind.SimpleAssignment);
            });
        }

        private sealed class CompilationAnalysis
        {
            private static readonly string[] PipelineTimeouts = { "AddStandardResilienceHandler", "AddStandardHedgingHandler", "AddResilienceHandler", "AddPolicyHandler" };

            private readonly INamedTypeSymbol _httpClient;
            private readonly HttpCompilationIndex _index;
            private readonly bool _resilienceAvailable;
            private readonly AnalyzerConfigOptionsProvider _options;

            public CompilationAnalysis(INamedTypeSymbol httpClient, HttpCompilationIndex index, bool resilienceAvailable, AnalyzerConfigOptionsProvider options)
            {
                _httpClient = httpClient;
                _index = index;
                _resilienceAvailable = resilienceAvailable;
                _options = options;
            }

            // LR0020: new HttpClient(...) whose Timeout is never set.
            public void AnalyzeCreation(OperationAnalysisContext context)
            {
                var creation = (IObjectCreationOperation)context.Operation;
                if (!SymbolEqualityComparer.Default.Equals(creation.Type, _httpClient) || HttpClientTimeouts.IsSet(creation))
                {
                    return;
                }

                context.ReportDiagnostic(Finding.Create(
                    MissingTimeoutRule,
                    creation.Syntax.GetLocation(),
                    Properties(creation.Syntax.SyntaxTree, resilience: false),
                    "This HttpClient"));
            }

            public void AnalyzeInvocation(OperationAnalysisContext context)
            {
                var invocation = (IInvocationOperation)context.Operation;
                var method = invocation.TargetMethod;
                if ((method.Name == "AddHttpClient" && method.ContainingType?.Name == "HttpClientFactoryServiceCollectionExtensions")
                    || (method.Name == "AddRefitClient" && method.ReturnType.Name == "IHttpClientBuilder"))
                {
                    AnalyzeRegistration(context, invocation, method);
                }
                else if ((method.Name == "TimeoutAsync" || method.Name == "Timeout") && method.ContainingType?.Name == "Policy"
                    || method.Name == "AddTimeout" && method.ContainingType?.Name.Contains("Resilience") == true)
                {
                    AnalyzeTimeoutPolicy(context, invocation);
                }
            }

            // Policy.TimeoutAsync(TimeSpan.FromMinutes(5)), Policy.TimeoutAsync(300), builder.AddTimeout(TimeSpan.FromMinutes(5))
            private void AnalyzeTimeoutPolicy(OperationAnalysisContext context, IInvocationOperation invocation)
            {
                var argument = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Type.Name is "TimeSpan" or "Int32");
                if (argument is null)
                {
                    return;
                }

                var seconds = argument.Parameter!.Type.Name == "Int32" ? TimeSpanValue.Number(argument.Value) : TimeSpanValue.Seconds(argument.Value);
                ReportIfExcessive(context, argument.Value, seconds);
            }

            // LR0020: services.AddHttpClient(...) with no timeout from its configure lambda, its builder chain or the defaults.
            private void AnalyzeRegistration(OperationAnalysisContext context, IInvocationOperation invocation, IMethodSymbol method)
            {
                if (HttpClientTimeouts.RegistrationIsCovered(invocation) || _index.DefaultsGiveEveryClientATimeout || TypedClientSetsTimeout(method))
                {
                    return;
                }

                context.ReportDiagnostic(Finding.Create(
                    MissingTimeoutRule,
                    CallLocation.OfNameAndArguments(invocation),
                    Properties(invocation.Syntax.SyntaxTree, resilience: _resilienceAvailable),
                    "HttpClient registration " + ClientName(invocation)));
            }

            // LR0021: client.Timeout = ..., options.Timeout = ... on resilience options, with an infinite or too long value.
            public void AnalyzeAssignment(OperationAnalysisContext context)
            {
                var assignment = (ISimpleAssignmentOperation)context.Operation;
                if (assignment.Target is not IPropertyReferenceOperation { Property: { Name: "Timeout" } property }
                    || !IsTimeoutOwner(property.ContainingType))
                {
                    return;
                }

                var seconds = TimeSpanValue.Seconds(assignment.Value);

                // Under a pipeline with its own total timeout (the documented reason to make the client's infinite),
                // or in streaming code that bounds each request itself, the client timeout does not decide.
                if (seconds is not null && SymbolEqualityComparer.Default.Equals(property.ContainingType, _httpClient)
                    && (HttpClientTimeouts.PipelineBoundsRequests(assignment) || HttpClientTimeouts.BoundsWithCancelAfter(assignment)
                        || (double.IsPositiveInfinity(seconds.Value) && _index.DefaultsGiveEveryClientATimeout)))
                {
                    return;
                }

                ReportIfExcessive(context, assignment.Value, seconds);
            }

            private void ReportIfExcessive(OperationAnalysisContext context, IOperation value, double? seconds)
            {
                var max = MaxSeconds(value.Syntax.SyntaxTree);
                if (seconds is null || seconds <= max)
                {
                    return;
                }

                context.ReportDiagnostic(Finding.Create(
                    ExcessiveTimeoutRule,
                    value.Syntax.GetLocation(),
                    Properties(value.Syntax.SyntaxTree, resilience: false),
                    Describe(seconds.Value),
                    max.ToString(CultureInfo.InvariantCulture)));
            }

            private bool IsTimeoutOwner(INamedTypeSymbol? type)
            {
                if (type is null)
                {
                    return false;
                }

                return SymbolEqualityComparer.Default.Equals(type, _httpClient)
                    || type.Name.EndsWith("TimeoutStrategyOptions", System.StringComparison.Ordinal);
            }

            // services.AddHttpClient<IClient, Client>(): Client may set the timeout on the client it receives
            // (in its constructor, or from a primary-constructor parameter in an initializer or helper).
            private static bool TypedClientSetsTimeout(IMethodSymbol method)
            {
                var implementation = method.TypeArguments.LastOrDefault();
                return implementation is not null && implementation.DeclaringSyntaxReferences
                    .Any(reference => HttpSyntax.AssignsProperty(reference.GetSyntax(), null, "Timeout"));
            }

            private static string ClientName(IInvocationOperation invocation)
            {
                var implementation = invocation.TargetMethod.TypeArguments.LastOrDefault();
                if (implementation is not null)
                {
                    return "'" + implementation.Name + "'";
                }

                var name = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "name")?.Value.ConstantValue.Value as string;
                return name is null ? string.Empty : "'" + name + "'";
            }

            private int MaxSeconds(SyntaxTree tree) => HttpOptions.MaxTimeoutSeconds.Read(_options.GetOptions(tree), _options.GlobalOptions);

            private ImmutableDictionary<string, string?> Properties(SyntaxTree tree, bool resilience)
            {
                var local = _options.GetOptions(tree);
                var fallback = HttpOptions.DefaultTimeoutSeconds.Read(local, _options.GlobalOptions);
                var max = HttpOptions.MaxTimeoutSeconds.Read(local, _options.GlobalOptions);
                return ImmutableDictionary<string, string?>.Empty
                    .Add(TimeoutSecondsProperty, System.Math.Min(fallback, max).ToString(CultureInfo.InvariantCulture))
                    .Add(MaxTimeoutSecondsProperty, max.ToString(CultureInfo.InvariantCulture))
                    .Add(ResilienceAvailableProperty, resilience ? "true" : "false");
            }

            private static string Describe(double seconds) =>
                double.IsPositiveInfinity(seconds) ? "infinity" : seconds.ToString("0.###", CultureInfo.InvariantCulture) + " seconds";
        }
    }
}
