using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using LaunchReady.Analyzers.Infrastructure;
using LaunchReady.Detection.Config;
using LaunchReady.Analyzers.Urls;
using LaunchReady.Detection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LaunchReady.Analyzers.Secrets
{
    /// <summary>
    /// LR0003: secrets in configuration files that ship with the project — appsettings*.json,
    /// launchSettings.json, dotenv files and XML .config files — reported at their exact line and column.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ConfigFileSecretAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = RuleCatalog.Create(
            DiagnosticIds.ConfigFileSecret,
            "Secret in a configuration file that ships",
            "'{0}' in {1} is {2} '{3}'; move it to user secrets, environment variables or a vault",
            DiagnosticCategories.Secrets,
            DiagnosticSeverity.Warning,
            "Configuration files are committed, copied into containers and published with the app; a secret in one is readable by everyone who can read the repository or the image.");

        private const int MaxFileLength = 4 * 1024 * 1024;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var testCode = TestCodeFilter.Create(start.Compilation, start.Options);
                var names = new ConcurrentDictionary<string, SecretNames>();
                start.RegisterAdditionalFileAction(c => AnalyzeFile(c, testCode, names));
            });
        }

        private static void AnalyzeFile(AdditionalFileAnalysisContext context, TestCodeFilter testCode, ConcurrentDictionary<string, SecretNames> names)
        {
            var file = context.AdditionalFile;
            var kind = ConfigFile.Classify(file.Path);
            if (kind.Format == ConfigFormat.None || testCode.ShouldSkip(file))
            {
                return;
            }

            var text = file.GetText(context.CancellationToken);
            if (text is null || text.Length > MaxFileLength)
            {
                return;
            }

            var content = text.ToString();
            if (content.IndexOf('\0') >= 0)
            {
                return; // binary, not configuration
            }

            var provider = context.Options.AnalyzerConfigOptionsProvider;
            var settings = SecretSettings.Read(provider.GetOptions(file), provider.GlobalOptions, names);
            var fileName = Path.GetFileName(file.Path);
            foreach (var entry in kind.Read(content))
            {
                foreach (var (finding, what) in Evaluate(entry, kind, settings))
                {
                    if (settings.IsAllowed(finding.Redacted))
                    {
                        continue;
                    }

                    var (start, length) = entry.SpanOf(finding.Start, finding.Length);
                    var span = new TextSpan(start, length);
                    context.ReportDiagnostic(Finding.CreateInFile(
                        Rule,
                        Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span)),
                        text,
                        entry.Name ?? "(value)",
                        fileName,
                        what,
                        finding.Redacted.ToString()));
                }
            }
        }

        private static IEnumerable<(SecretFinding Finding, string What)> Evaluate(ConfigEntry entry, ConfigFile kind, SecretSettings settings)
        {
            var providerFindings = SecretDetector.Scan(entry.Value);
            if (providerFindings is not null)
            {
                foreach (var finding in providerFindings)
                {
                    yield return (finding, "a hard-coded " + finding.Provider);
                }

                yield break;
            }

            var passwords = GenericSecrets.FindConnectionStringPasswords(entry.Value);
            if (passwords is not null)
            {
                if (!kind.IsDevelopment || settings.ReportLocalDevelopmentPasswords || !LocalEndpoints.Contains(entry.Value))
                {
                    foreach (var finding in passwords)
                    {
                        yield return (finding, "a connection string with a hard-coded password");
                    }
                }

                yield break;
            }

            if (!kind.IsTemplate && settings.Names.IsSecretName(LastSegment(entry.Name)))
            {
                var generic = GenericSecrets.EvaluateValue(entry.Value, settings.Generic);
                if (generic is not null)
                {
                    yield return (generic, "a hard-coded credential");
                }
            }
        }

        // "Jwt:Key" is read as a JWT key: the last two segments of a configuration path, array indexes left out
        // ("ApiKeys:0" is an API key).
        private static string? LastSegment(string? name)
        {
            if (name is null)
            {
                return null;
            }

            while (name.LastIndexOf(':') is var colon and > 0 && JsonStringValue.IsArrayIndex(name.Substring(colon + 1)))
            {
                name = name.Substring(0, colon);
            }

            var last = name.LastIndexOf(':');
            return last <= 0 ? name : name.Substring(name.LastIndexOf(':', last - 1) + 1);
        }
    }
}
