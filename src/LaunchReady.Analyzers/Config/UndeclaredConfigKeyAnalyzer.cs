using System.Collections.Immutable;
using LaunchReady.Analyzers.Infrastructure;
using LaunchReady.Detection.Manifest;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LaunchReady.Analyzers.Config
{
    /// <summary>
    /// LR0050: code reads an environment variable or configuration key that the env manifest does not
    /// declare, so nobody deploying the app knows it is needed. Only constant keys are checked (keys built
    /// at run time cannot be), and only when the project has a manifest.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UndeclaredConfigKeyAnalyzer : DiagnosticAnalyzer
    {
        public const string KeyProperty = "Key";
        public const string VariableProperty = "Variable";
        public const string ManifestProperty = "Manifest";

        public static readonly DiagnosticDescriptor Rule = RuleCatalog.Create(
            DiagnosticIds.UndeclaredConfigKey,
            "Configuration key not declared in the env manifest",
            "{0} '{1}' is read here but {2} does not declare {3}; declare it so deployments know to set it",
            DiagnosticCategories.Config,
            DiagnosticSeverity.Warning,
            "The env manifest is the list operators use to configure production. A key that code reads but the manifest does not declare is discovered on launch day, as a null, a default or a crash.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();

            // Without the Analyze flag the driver runs no callback in generated files or in declarations marked
            // [GeneratedCode], so every finding comes from hand-written code. ReportDiagnostics spares the re-check the
            // driver would otherwise make of each finding: at the first one in a file, a scan of all its tokens for
            // GeneratedCode attributes, a third of this rule's time on a code base where it reports in most files.
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                var reads = ConfigReads.Create(start.Compilation);
                if (reads is null)
                {
                    return;
                }

                var declared = DeclaredKeys.Create(start.Options, start.CancellationToken);
                if (declared is null)
                {
                    return;
                }

                var global = start.Options.AnalyzerConfigOptionsProvider.GlobalOptions;
                declared.SetIgnored(ConfigOptions.IgnoredKeys.Read(global, global));
                var testCode = TestCodeFilter.Create(start.Compilation, start.Options);
                // Invocations are turned away by method name and property references unless they are indexers,
                // before any symbol comparison: most operations of a compilation are neither.
                start.RegisterOperationAction(c => Analyze(c, reads, declared, testCode), OperationKind.Invocation, OperationKind.PropertyReference);
            });
        }

        private static void Analyze(OperationAnalysisContext context, ConfigReads reads, DeclaredKeys declared, TestCodeFilter testCode)
        {
            // Test code is asked about last: it is a dictionary look-up, and almost no operation is a read.
            var read = reads.Classify(context.Operation);
            if (read is null || testCode.ShouldSkip(context.Operation.Syntax.SyntaxTree))
            {
                return;
            }

            var (key, isVariable, isSection, argument) = read.Value;
            var ok = isVariable ? declared.IsDeclaredVariable(key) : declared.IsDeclaredKey(key, isSection);
            if (ok)
            {
                return;
            }

            var variable = isVariable ? key : key.Replace(":", "__");
            // Only a valid variable name can be declared; "Feature-Flags:Beta" has to be renamed first.
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(KeyProperty, key)
                .Add(VariableProperty, EnvManifestReader.IsValidVariableName(variable) ? variable : null)
                .Add(ManifestProperty, declared.ManifestPath);
            var what = isVariable ? "Environment variable" : isSection ? "Configuration section" : "Configuration key";
            var missing = isSection ? $"anything under '{variable}'" : $"'{variable}'";
            context.ReportDiagnostic(Finding.Create(Rule, argument.Syntax.GetLocation(), properties, what, key, declared.ManifestName, missing));
        }
    }
}
