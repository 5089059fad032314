using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using LaunchReady.Analyzers.Http;
using LaunchReady.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LaunchReady.Analyzers.Retries
{
    /// <summary>
    /// LR0040/LR0041 for Polly: v7 <c>RetryForever*</c>, <c>WaitAndRetryForever*</c>, <c>Retry(n)</c> and
    /// constant <c>WaitAndRetry</c>; v8 <c>RetryStrategyOptions</c>/<c>HttpRetryStrategyOptions</c> with too
    /// many attempts, no delay, or a constant delay without jitter. Does nothing without Polly.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PollyRetryAnalyzer : DiagnosticAnalyzer
    {
        private static readonly string[] ForeverMethods = { "RetryForever", "RetryForeverAsync", "WaitAndRetryForever", "WaitAndRetryForeverAsync" };
        private static readonly string[] ImmediateRetryMethods = { "Retry", "RetryAsync" };
        private static readonly string[] WaitAndRetryMethods = { "WaitAndRetry", "WaitAndRetryAsync" };

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(RetryRules.UnboundedRule, RetryRules.NoBackoffRule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var v7 = start.Compilation.GetTypeByMetadataName("Polly.PolicyBuilder") is not null;
                var v8 = start.Compilation.GetTypeByMetadataName("Polly.Retry.RetryStrategyOptions") is not null;
                var options = start.Options.AnalyzerConfigOptionsProvider;
                var testCode = TestCodeFilter.Create(start.Compilation, start.Options);
                if (v7)
                {
                    start.RegisterOperationAction(testCode.OutsideTests(c => AnalyzeV7(c, options)), OperationKind.Invocation);
                }

                if (v8)
                {
                    start.RegisterOperationAction(testCode.OutsideTests(c => AnalyzeV8(c, options)), OperationKind.SimpleAssignment);
                }
            });
        }

        // Policy.Handle<T>().RetryForever(), .Retry(3), .WaitAndRetry(5, _ => TimeSpan.FromSeconds(1))
        private static void AnalyzeV7(OperationAnalysisContext context, AnalyzerConfigOptionsProvider options)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            // Polly v7's policy builders live in static *Syntax / *SyntaxAsync classes of the Polly namespace.
            var owner = method.ContainingType;
            if (owner is null || !(owner.Name.EndsWith("Syntax", System.StringComparison.Ordinal) || owner.Name.EndsWith("SyntaxAsync", System.StringComparison.Ordinal))
                || owner.ContainingNamespace is not { Name: "Polly", ContainingNamespace.IsGlobalNamespace: true })
            {
                return;
            }

            var name = method.Name;
            var location = CallLocation.OfNameAndArguments(invocation);
            var tree = invocation.Syntax.SyntaxTree;
            if (ForeverMethods.Contains(name))
            {
                if (!IsBackgroundWorker(invocation.Syntax) || !IsCappedExponential(invocation.Syntax))
                {
                    context.ReportDiagnostic(Finding.Create(RetryRules.UnboundedRule, location, Properties(options, tree), "'" + name + "'", RetryRules.WithoutEnd));
                }

                return;
            }

            var count = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "retryCount");
            var attempts = count is null ? null : TimeSpanValue.Number(count.Value);
            var max = RetryRules.MaxAttempts.Read(options.GetOptions(tree), options.GlobalOptions);
            if (attempts > max)
            {
                context.ReportDiagnostic(Finding.Create(RetryRules.UnboundedRule, count!.Value.Syntax.GetLocation(), Properties(options, tree), "'" + name + "'", RetryRules.UnboundedWording(attempts.Value, max)));
                return;
            }

            if (ImmediateRetryMethods.Contains(name)
                || (WaitAndRetryMethods.Contains(name) && IsConstantWait(invocation)))
            {
                context.ReportDiagnostic(Finding.Create(RetryRules.NoBackoffRule, location, Properties(options, tree), "'" + name + "'"));
            }
        }

        // A sleep duration provider that ignores the attempt number and adds no randomness, or a list of equal delays.
        private static bool IsConstantWait(IInvocationOperation invocation)
        {
            var wait = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name is "sleepDurationProvider" or "sleepDurations")?.Value;
            while (wait is IConversionOperation conversion)
            {
                wait = conversion.Operand;
            }

            if (wait is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda })
            {
                var attempt = lambda.Symbol.Parameters.FirstOrDefault();
                var body = lambda.Syntax;
                var usesAttempt = attempt is not null && body.DescendantNodes().OfType<IdentifierNameSyntax>().Any(id => id.Identifier.ValueText == attempt.Name);
                return !usesAttempt && !HasJitter(body);
            }

            if (wait is IArrayCreationOperation { Initializer: { } values } && values.ElementValues.Length > 0)
            {
                var seconds = values.ElementValues.Select(TimeSpanValue.Seconds).ToList();
                return seconds.All(s => s is not null) && seconds.Distinct().Count() == 1;
            }

            return false;
        }

        // v8 options, whether in an initializer or assigned in a configure lambda (o.Retry.MaxRetryAttempts = ...).
        private static void AnalyzeV8(OperationAnalysisContext context, AnalyzerConfigOptionsProvider options)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is not IPropertyReferenceOperation { Property: var property } target || !IsRetryOptions(property.ContainingType))
            {
                return;
            }

            // The options object's own type: BackoffType and UseJitter are declared on RetryStrategyOptions<T>, and
            // HttpRetryStrategyOptions (the standard resilience handler's) changes their defaults.
            var optionsType = target.Instance?.Type as INamedTypeSymbol ?? property.ContainingType;
            var group = RetryOptionsGroup.Of(assignment);
            var tree = assignment.Syntax.SyntaxTree;
            var owner = "This retry strategy";
            switch (property.Name)
            {
                case "MaxRetryAttempts":
                    var attempts = TimeSpanValue.Number(assignment.Value);
                    var max = RetryRules.MaxAttempts.Read(options.GetOptions(tree), options.GlobalOptions);
                    if (attempts > max && !(group.IsExponential(optionsType) && group.Has("MaxDelay") && IsBackgroundWorker(assignment.Syntax)))
                    {
                        context.ReportDiagnostic(Finding.Create(RetryRules.UnboundedRule, assignment.Value.Syntax.GetLocation(), Properties(options, tree), owner, RetryRules.UnboundedWording(attempts.Value, max)));
                    }

                    break;
                case "Delay" when TimeSpanValue.Seconds(assignment.Value) == 0:
                    context.ReportDiagnostic(Finding.Create(RetryRules.NoBackoffRule, assignment.Value.Syntax.GetLocation(), Properties(options, tree), owner));
                    break;
                case "BackoffType" when assignment.Value is IFieldReferenceOperation { Field.Name: "Constant" } && !group.UsesJitter(optionsType):
                    context.ReportDiagnostic(Finding.Create(RetryRules.NoBackoffRule, assignment.Value.Syntax.GetLocation(), Properties(options, tree), owner));
                    break;
            }
        }

        private static bool IsRetryOptions(INamedTypeSymbol? type) => DerivesFrom(type, "RetryStrategyOptions", "Polly.Retry");

        // HttpRetryStrategyOptions defaults to exponential backoff with jitter; RetryStrategyOptions to neither.
        private static bool IsHttpRetryOptions(INamedTypeSymbol type) => DerivesFrom(type, "HttpRetryStrategyOptions", "Microsoft.Extensions.Http.Resilience");

        private static bool DerivesFrom(INamedTypeSymbol? type, string name, string containingNamespace)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (current.Name == name && current.ContainingNamespace?.ToDisplayString() == containingNamespace)
                {
                    return true;
                }
            }

            return false;
        }

        // Polly's documented background pattern: exponential backoff with a cap, in a hosted service or queue consumer.
        private static bool IsBackgroundWorker(SyntaxNode node)
        {
            var type = node.FirstAncestorOrSelf<TypeDeclarationSyntax>();
            if (type is null)
            {
                return false;
            }

            var name = type.Identifier.ValueText;
            return name.EndsWith("Worker", System.StringComparison.Ordinal) || name.EndsWith("Consumer", System.StringComparison.Ordinal)
                || name.EndsWith("HostedService", System.StringComparison.Ordinal)
                || (type.BaseList?.Types.Any(t => t.Type.ToString() is "BackgroundService" or "IHostedService" || t.Type.ToString().StartsWith("IConsumer", System.StringComparison.Ordinal)) ?? false);
        }

        private static bool IsCappedExponential(SyntaxNode invocation)
        {
            var text = invocation.ToString();
            return (text.Contains("Pow") || text.Contains("<<") || text.Contains("Exponential")) && text.Contains("Min");
        }

        internal static bool HasJitter(SyntaxNode node)
        {
            var text = node.ToString();
            return text.Contains("Random") || text.Contains("Jitter");
        }

        // Built only for a finding: most invocations and assignments a compilation holds are not one.
        private static ImmutableDictionary<string, string?> Properties(AnalyzerConfigOptionsProvider options, SyntaxTree tree) =>
            ImmutableDictionary<string, string?>.Empty.Add(
                RetryRules.AttemptsProperty,
                RetryRules.DefaultAttempts.Read(options.GetOptions(tree), options.GlobalOptions).ToString(CultureInfo.InvariantCulture));

        /// <summary>The other properties set on the same retry options object.</summary>
        private sealed class RetryOptionsGroup
        {
            private readonly Dictionary<string, IOperation> _values;

            private RetryOptionsGroup(Dictionary<string, IOperation> values) => _values = values;

            public static RetryOptionsGroup Of(ISimpleAssignmentOperation assignment)
            {
                var values = new Dictionary<string, IOperation>();
                IEnumerable<IOperation> siblings = assignment.Parent is IObjectOrCollectionInitializerOperation initializer
                    ? initializer.Initializers
                    : SameReceiver(assignment);
                foreach (var sibling in siblings)
                {
                    if (sibling is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } set)
                    {
                        values[target.Property.Name] = set.Value;
                    }
                }

                return new RetryOptionsGroup(values);
            }

            public bool Has(string property) => _values.ContainsKey(property);

            public bool IsExponential(INamedTypeSymbol optionsType) =>
                _values.TryGetValue("BackoffType", out var backoff)
                    ? backoff is IFieldReferenceOperation { Field.Name: "Exponential" }
                    : IsHttpRetryOptions(optionsType);

            public bool UsesJitter(INamedTypeSymbol optionsType) =>
                _values.TryGetValue("UseJitter", out var jitter)
                    ? jitter.ConstantValue.Value is true
                    : IsHttpRetryOptions(optionsType);

            // o.Retry.MaxRetryAttempts = 5; o.Retry.BackoffType = ...: assignments in the same body to the same receiver.
            private static IEnumerable<IOperation> SameReceiver(ISimpleAssignmentOperation assignment)
            {
                var receiver = (assignment.Target as IPropertyReferenceOperation)?.Instance?.Syntax.ToString();
                var body = assignment.Parent;
                while (body is not null && body is not IBlockOperation)
                {
                    body = body.Parent;
                }

                if (receiver is null || body is null)
                {
                    return new[] { assignment };
                }

                return body.Descendants().OfType<ISimpleAssignmentOperation>()
                    .Where(a => (a.Target as IPropertyReferenceOperation)?.Instance?.Syntax.ToString() == receiver);
            }
        }
    }
}
