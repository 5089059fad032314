using System.Collections.Concurrent;
using System.Collections.Immutable;
using LaunchReady.Analyzers.Baseline;
using LaunchReady.Analyzers.Infrastructure;
using LaunchReady.Detection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LaunchReady.Analyzers.Secrets
{
    /// <summary>
    /// LR0001 (a known provider's credential format anywhere in a string constant) and LR0002 (a
    /// credential-looking value given to a secret-named target, or a connection-string password).
    /// One pass over the constants of the code serves both; a value that matches a provider format
    /// is LR0001 only.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class HardcodedSecretAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Diagnostic property: the environment variable a code fix should read instead.</summary>
        public const string EnvironmentVariableProperty = "EnvironmentVariable";

        public static readonly DiagnosticDescriptor ProviderSecretRule = RuleCatalog.Create(
            DiagnosticIds.ProviderSecret,
            "Provider credential in a string literal",
            "{0} '{1}' is hard-coded; move it to configuration and rotate it",
            DiagnosticCategories.Secrets,
            DiagnosticSeverity.Error,
            "A credential in source code is in every clone, fork, CI log and laptop; a leaked payment or AI provider key turns into fraud or a surprise bill within hours.");

        public static readonly DiagnosticDescriptor GenericSecretRule = RuleCatalog.Create(
            DiagnosticIds.GenericSecret,
            "Credential-looking value given to a secret-named target",
            "{0} gets a hard-coded credential '{1}'; read it from configuration",
            DiagnosticCategories.Secrets,
            DiagnosticSeverity.Warning,
            "Passwords, tokens and connection-string passwords in code cannot be rotated without a deploy and leak with the repository.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(ProviderSecretRule, GenericSecretRule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var analysis = new CompilationAnalysis(
                    TestCodeFilter.Create(start.Compilation, start.Options),
                    start.Options.AnalyzerConfigOptionsProvider,
                    BaselineLookup.Load(start.Options, start.CancellationToken));
                start.RegisterSyntaxNodeAction(analysis.AnalyzeConstant, StringConstant.Kinds);
                start.RegisterOperationAction(analysis.AnalyzeConstantReference, OperationKind.FieldReference);
            });
        }

        private sealed class CompilationAnalysis
        {
            private readonly TestCodeFilter _testCode;
            private readonly AnalyzerConfigOptionsProvider _options;
            private readonly ConcurrentDictionary<SyntaxTree, SecretSettings> _settings = new ConcurrentDictionary<SyntaxTree, SecretSettings>();
            private readonly ConcurrentDictionary<string, SecretNames> _names = new ConcurrentDictionary<string, SecretNames>();
            private readonly BaselineLookup? _baseline;
            private readonly System.Func<SyntaxTree, SecretSettings> _readSettings;

            public CompilationAnalysis(TestCodeFilter testCode, AnalyzerConfigOptionsProvider options, BaselineLookup? baseline)
            {
                _testCode = testCode;
                _options = options;
                _baseline = baseline;
                _readSettings = ReadSettings;
            }

            public void AnalyzeConstant(SyntaxNodeAnalysisContext context)
            {
                var node = context.Node;
                if (!StringConstant.TryGetValue(node, context.SemanticModel, context.CancellationToken, out var value) || value.Length < 8)
                {
                    return;
                }

                var providerFindings = SecretDetector.Scan(value);
                var passwordFindings = providerFindings is null ? GenericSecrets.FindConnectionStringPasswords(value) : null;
                var tree = node.SyntaxTree;
                var settings = SettingsFor(tree);
                var mayBeGeneric = providerFindings is null && passwordFindings is null && MayBeGenericCredential(context, value, settings);
                if ((providerFindings is null && passwordFindings is null && !mayBeGeneric) || _testCode.ShouldSkip(tree)
                    || StringConstant.IsPartOfFoldedConstant(node, context.SemanticModel, context.CancellationToken))
                {
                    return;
                }

                // A provider key is reported even where it is only compared: it is in the source either way.
                var operation = StringConstant.OperationOf(node, context.SemanticModel, context.CancellationToken);
                var use = operation is null ? default : ValueUse.Of(operation);
                if ((use.IsComparison && providerFindings is null) || (mayBeGeneric && !settings.Names.IsSecretName(use.TargetName)))
                {
                    return;
                }

                var mapping = SourceMapping.For(node, value);
                var variable = settings.Names.IsSecretName(use.TargetName) ? EnvironmentVariableName.From(use.TargetName!) : null;
                if (providerFindings is not null)
                {
                    foreach (var finding in providerFindings)
                    {
                        Report(context, ProviderSecretRule, mapping, finding, settings, variable ?? finding.EnvironmentVariable, finding.Provider);
                    }

                    return;
                }

                if (passwordFindings is not null)
                {
                    // A database on this machine or in a local container (LR0010's business): its password protects nothing.
                    if (LocalEndpoints.Contains(value))
                    {
                        return;
                    }

                    foreach (var finding in passwordFindings)
                    {
                        Report(context, GenericSecretRule, mapping, finding, settings, variable ?? "CONNECTION_STRING", "The connection string");
                    }

                    return;
                }

                // Headers.Add("Authorization", "Bearer ..."): the credential follows the scheme.
                var offset = string.Equals(use.TargetName, "Authorization", System.StringComparison.OrdinalIgnoreCase) ? AuthorizationScheme(value) : 0;
                var generic = GenericSecrets.EvaluateValue(value.Substring(offset), settings.Generic);
                if (generic is not null)
                {
                    var finding = new SecretFinding(generic.Kind, generic.RuleName, generic.Provider, offset, generic.Length, generic.Confidence, generic.Redacted, generic.EnvironmentVariable);
                    Report(context, GenericSecretRule, mapping, finding, settings, variable ?? "AUTHORIZATION_TOKEN", $"'{use.TargetName}'");
                }
            }

            // A one-word value (or a header value after its scheme) is a finding only where a secret-named target
            // receives it. The syntax (and for an argument, the method's symbol) usually names the target, so most
            // values are set aside before the caller asks for their operation.
            private static bool MayBeGenericCredential(SyntaxNodeAnalysisContext context, string value, SecretSettings settings)
            {
                var scheme = AuthorizationScheme(value);
                if (scheme == 0 && value.IndexOf(' ') >= 0)
                {
                    return false;
                }

                // Cheapest first: the syntax, the value, then the called method's symbol for a positional argument.
                return !SetAsideByUse(null)
                    && GenericSecrets.IsCredentialLike(scheme > 0 ? value.Substring(scheme) : value, settings.Generic)
                    && !SetAsideByUse(context.SemanticModel);

                bool SetAsideByUse(SemanticModel? model) =>
                    ValueUse.TryOfSyntax(context.Node, model, context.CancellationToken, out var use)
                    && (use.IsComparison || !settings.Names.IsSecretName(use.TargetName));
            }

            private static readonly string[] AuthorizationSchemes = { "Bearer ", "Basic " };

            // Length of "Bearer " or "Basic " at the start of a header value, else 0.
            private static int AuthorizationScheme(string value)
            {
                foreach (var scheme in AuthorizationSchemes)
                {
                    if (value.StartsWith(scheme, System.StringComparison.OrdinalIgnoreCase))
                    {
                        return scheme.Length;
                    }
                }

                return 0;
            }

            // const string Value = "..."; Login(password: Value): the constant becomes a secret where it is used.
            public void AnalyzeConstantReference(OperationAnalysisContext context)
            {
                var reference = (IFieldReferenceOperation)context.Operation;
                if (!reference.Field.IsConst || reference.Field.ConstantValue is not string value || value.Length < 8)
                {
                    return;
                }

                var tree = reference.Syntax.SyntaxTree;
                var use = ValueUse.Of(reference);
                var settings = SettingsFor(tree);
                if (use.IsComparison
                    || !settings.Names.IsSecretName(use.TargetName)
                    || settings.Names.IsSecretName(reference.Field.Name)
                    || SecretDetector.Scan(value) is not null
                    || _testCode.ShouldSkip(tree))
                {
                    return;
                }

                var generic = GenericSecrets.EvaluateValue(value, settings.Generic);
                if (generic is not null && !settings.IsAllowed(generic.Redacted))
                {
                    context.ReportDiagnostic(Finding.Create(
                        GenericSecretRule,
                        reference.Syntax.GetLocation(),
                        ImmutableDictionary<string, string?>.Empty.Add(EnvironmentVariableProperty, EnvironmentVariableName.From(use.TargetName!)),
                        $"'{use.TargetName}'",
                        generic.Redacted.ToString()));
                }
            }

            // Asked for every string constant: the factory is made once, not a closure per call.
            private SecretSettings SettingsFor(SyntaxTree tree) => _settings.GetOrAdd(tree, _readSettings);

            private SecretSettings ReadSettings(SyntaxTree tree) => SecretSettings.Read(_options.GetOptions(tree), _options.GlobalOptions, _names);

            private void Report(
                SyntaxNodeAnalysisContext context,
                DiagnosticDescriptor rule,
                SourceMapping mapping,
                SecretFinding finding,
                SecretSettings settings,
                string environmentVariable,
                string subject)
            {
                if (settings.IsAllowed(finding.Redacted))
                {
                    return;
                }

                var diagnostic = Finding.Create(
                    rule,
                    mapping.Locate(context.Node.SyntaxTree, finding.Start, finding.Length),
                    ImmutableDictionary<string, string?>.Empty.Add(EnvironmentVariableProperty, environmentVariable),
                    subject,
                    finding.Redacted.ToString());

                // LR0001 is an error by default, which Roslyn lets no suppressor hide: the baseline is applied here.
                if (rule.DefaultSeverity == DiagnosticSeverity.Error && _baseline is not null && _baseline.Accepts(diagnostic))
                {
                    return;
                }

                context.ReportDiagnostic(diagnostic);
            }
        }
    }
}
