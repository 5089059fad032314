using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using LaunchReady.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LaunchReady.Analyzers.Urls
{
    /// <summary>
    /// LR0010 (development or internal endpoint) and LR0011 (plain http to a public host), in string
    /// constants of C# code and in the production configuration files that reach the compiler as
    /// AdditionalFiles. One analyzer reports both so that a loopback URL is LR0010 only, never both.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class HardcodedUrlAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor DevelopmentUrlRule = RuleCatalog.Create(
            DiagnosticIds.DevelopmentUrl,
            "Development or internal endpoint in production code",
            "'{0}' is {1}; read the endpoint from configuration so production gets its real address",
            DiagnosticCategories.Urls,
            DiagnosticSeverity.Warning,
            "Localhost, private-network, Docker-internal and tunnel addresses work on a developer's machine and fail, or reach the wrong system, once deployed.");

        public static readonly DiagnosticDescriptor InsecureHttpRule = RuleCatalog.Create(
            DiagnosticIds.InsecureHttpUrl,
            "Plain http URL to a public host",
            "'{0}' sends traffic unencrypted; use https",
            DiagnosticCategories.Urls,
            DiagnosticSeverity.Warning,
            "Plain http exposes tokens, cookies and customer data to anyone on the network path and is rejected or redirected by most providers.");

        // Names of targets that take a host, so a bare "10.0.0.5" passed there is an endpoint.
        private static readonly HashSet<string> HostWords = NameWords.Set(
            "host", "hostname", "hosts", "server", "servers", "address", "addr", "endpoint", "endpoints", "url", "urls",
            "uri", "origin", "origins", "ip", "proxy", "domain", "broker", "brokers", "authority");

        // Names of targets that take an XML or JSON namespace: an identifier, not an endpoint.
        private static readonly HashSet<string> NamespaceWords = NameWords.Set("namespace", "namespaces", "xmlns", "ns", "schema", "$schema");

        // Hosts that appear in URLs used only as identifiers (XML namespaces, schemas, JSON-LD contexts).
        private static readonly string[] IdentifierHosts =
        {
            "www.w3.org", "w3.org", "schemas.xmlsoap.org", "schemas.microsoft.com", "schemas.openxmlformats.org",
            "schemas.android.com", "schemas.datacontract.org", "purl.org", "xmlns.com", "ns.adobe.com", "json-schema.org",
            "tempuri.org", "docs.oasis-open.org", "www.opengis.net", "java.sun.com", "xmlns.jcp.org", "xml.org",
            "www.xml.org", "schema.org", "www.sitemaps.org", "relaxng.org", "www.omg.org",
        };

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(DevelopmentUrlRule, InsecureHttpRule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var testCode = TestCodeFilter.Create(start.Compilation, start.Options);
                start.RegisterOperationAction(c => AnalyzeConstant(c, testCode), StringConstant.Kinds);
                start.RegisterAdditionalFileAction(c => AnalyzeConfigFile(c, testCode));
            });
        }

        private static void AnalyzeConstant(OperationAnalysisContext context, TestCodeFilter testCode)
        {
            var operation = context.Operation;
            if (!StringConstant.TryGetValue(operation, out var value))
            {
                return;
            }

            var candidates = EndpointScanner.Scan(value);
            if (candidates is null)
            {
                return;
            }

            var tree = operation.Syntax.SyntaxTree;
            var use = ValueUse.Of(operation);
            if (use.IsComparison || IsServerBinding(use) || testCode.ShouldSkip(tree))
            {
                return;
            }

            var usage = new Usage(
                isHostTarget: NameWords.ContainsAny(use.TargetName, HostWords),
                isNamespace: IsNamespaceUse(use));
            var settings = new Settings(context.Options.AnalyzerConfigOptionsProvider.GetOptions(tree), context.Options.AnalyzerConfigOptionsProvider.GlobalOptions);
            var mapping = SourceMapping.For(operation.Syntax, value);
            foreach (var candidate in candidates)
            {
                var diagnostic = Evaluate(candidate, value, usage, settings);
                if (diagnostic is null
                    || (settings.AllowInDebug && DevelopmentOnlyCode.Contains(operation.Syntax)))
                {
                    continue;
                }

                var (descriptor, arguments) = diagnostic.Value;
                context.ReportDiagnostic(Diagnostic.Create(descriptor, mapping.Locate(tree, candidate.Start, candidate.Length), arguments));
            }
        }

        private static void AnalyzeConfigFile(AdditionalFileAnalysisContext context, TestCodeFilter testCode)
        {
            var file = context.AdditionalFile;
            if (!IsProductionConfigFile(file.Path) || testCode.ShouldSkip(file))
            {
                return;
            }

            var text = file.GetText(context.CancellationToken);
            if (text is null || text.Length > MaxConfigFileLength)
            {
                return;
            }

            var settings = new Settings(context.Options.AnalyzerConfigOptionsProvider.GetOptions(file), context.Options.AnalyzerConfigOptionsProvider.GlobalOptions);
            foreach (var value in JsonStringReader.ReadStringValues(text.ToString()))
            {
                var candidates = EndpointScanner.Scan(value.RawText);
                if (candidates is null || IsServerBindingKey(value.Path))
                {
                    continue;
                }

                var lastKey = value.Path.Substring(value.Path.LastIndexOf(':') + 1);
                var usage = new Usage(NameWords.ContainsAny(lastKey, HostWords), NameWords.ContainsAny(lastKey, NamespaceWords));
                foreach (var candidate in candidates)
                {
                    var diagnostic = Evaluate(candidate, value.RawText, usage, settings);
                    if (diagnostic is null)
                    {
                        continue;
                    }

                    var span = new TextSpan(value.Start + candidate.Start, candidate.Length);
                    var location = Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span));
                    var (descriptor, arguments) = diagnostic.Value;
                    context.ReportDiagnostic(Diagnostic.Create(descriptor, location, arguments));
                }
            }
        }

        private const int MaxConfigFileLength = 2 * 1024 * 1024;

        private static (DiagnosticDescriptor Descriptor, object[] Arguments)? Evaluate(
            EndpointCandidate candidate, string text, Usage usage, Settings settings)
        {
            if (usage.IsNamespace || settings.IsAllowed(candidate.Host))
            {
                return null;
            }

            var kind = candidate.FixedKind != EndpointKind.None ? candidate.FixedKind : HostClassifier.Classify(candidate.Host, settings.DevHosts);
            if (kind != EndpointKind.None)
            {
                if (candidate.Form == EndpointForm.BareHost && !candidate.HasPort && !IsDistinctive(kind) && !usage.IsHostTarget)
                {
                    return null;
                }

                return (DevelopmentUrlRule, new object[] { candidate.Host, Describe(kind) });
            }

            if (candidate.Form != EndpointForm.Url
                || candidate.Scheme != "http"
                || !HostClassifier.IsHostName(candidate.Host)
                || HostClassifier.IsPlaceholderHost(candidate.Host)
                || HostClassifier.IsCloudMetadataHost(candidate.Host)
                || IsIdentifierUrl(candidate, text)
                || !StartsValue(text, candidate.Start))
            {
                return null;
            }

            return (InsecureHttpRule, new object[] { "http://" + candidate.Host });
        }

        // Kinds that are an endpoint wherever they appear; the others ("10.0.0.1", "shop.local") could be a
        // version number or a logger name unless a host-like target receives them.
        private static bool IsDistinctive(EndpointKind kind) =>
            kind == EndpointKind.Loopback || kind == EndpointKind.DockerHost || kind == EndpointKind.Tunnel
            || kind == EndpointKind.ConfiguredDevHost || kind == EndpointKind.LocalSqlServer;

        private static string Describe(EndpointKind kind) => kind switch
        {
            EndpointKind.Loopback => "a loopback address",
            EndpointKind.Unspecified => "an unspecified address",
            EndpointKind.DockerHost => "a Docker-internal host",
            EndpointKind.PrivateNetwork => "a private-network address",
            EndpointKind.LinkLocal => "a link-local address",
            EndpointKind.Tunnel => "a tunnel to a developer machine",
            EndpointKind.InternalDomain => "an internal-only domain",
            EndpointKind.LocalSqlServer => "a local SQL Server instance",
            EndpointKind.StorageEmulator => "the local Azure Storage emulator",
            EndpointKind.ConfiguredDevHost => "a development host (launchready.dev_hosts)",
            _ => "a development endpoint",
        };

        // A URL at the start of the value (or of a connection-string value) is an address; one inside
        // prose or markup is a link for people to read.
        private static bool StartsValue(string text, int start)
        {
            for (var i = start - 1; i >= 0; i--)
            {
                var c = text[i];
                if (c == '=')
                {
                    return true;
                }

                if (!char.IsWhiteSpace(c))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsIdentifierUrl(EndpointCandidate candidate, string text)
        {
            var host = candidate.Host.ToLowerInvariant();
            if (Array.IndexOf(IdentifierHosts, host) >= 0
                || host.StartsWith("schemas.", StringComparison.Ordinal)
                || host.StartsWith("xmlns.", StringComparison.Ordinal)
                || host.StartsWith("ns.", StringComparison.Ordinal))
            {
                return true;
            }

            // xmlns="http://...", xmlns:x='http://...', targetNamespace="http://..."
            var before = text.Substring(0, candidate.Start).TrimEnd('"', '\'').TrimEnd();
            if (before.EndsWith("=", StringComparison.Ordinal))
            {
                var attribute = before.Substring(0, before.Length - 1).TrimEnd();
                var nameStart = attribute.LastIndexOfAny(new[] { ' ', '\t', '\n', '\r', '<' }) + 1;
                var name = attribute.Substring(nameStart).ToLowerInvariant();
                if (name == "xmlns" || name.StartsWith("xmlns:", StringComparison.Ordinal)
                    || name.EndsWith("namespace", StringComparison.Ordinal) || name.EndsWith("schemalocation", StringComparison.Ordinal))
                {
                    return true;
                }
            }

            // http://shop.com/schemas/orders/v1 names a schema; nobody sends requests to it.
            var pathEnd = candidate.Start + candidate.Length;
            while (pathEnd < text.Length && !char.IsWhiteSpace(text[pathEnd]) && text[pathEnd] != '"' && text[pathEnd] != '\'')
            {
                pathEnd++;
            }

            var path = text.Substring(candidate.Start + candidate.Length, pathEnd - candidate.Start - candidate.Length).ToLowerInvariant();
            return path.Contains("/schema") || path.Contains("/ns/") || path.Contains("/xmlns") || path.Contains("/namespace");
        }

        private static bool IsNamespaceUse(ValueUse use)
        {
            if (NameWords.ContainsAny(use.TargetName, NamespaceWords) || NameWords.ContainsAny(use.Method?.Name, NamespaceWords))
            {
                return true;
            }

            var type = use.ConvertedType;
            return type is not null
                && (type.Name == "XNamespace" || type.Name == "XName")
                && type.ContainingNamespace?.ToDisplayString() == "System.Xml.Linq";
        }

        // Addresses a server listens on are not endpoints it calls: http and 0.0.0.0 are normal behind a proxy.
        private static bool IsServerBinding(ValueUse use)
        {
            var method = use.Method;
            if (method is null)
            {
                return false;
            }

            switch (method.Name)
            {
                case "UseUrls":
                    return true;
                case "Run":
                case "RunAsync":
                case "StartAsync":
                    return method.ContainingType?.Name == "WebApplication";
                case "Add":
                    return use.ReceiverName == "Urls";
                default:
                    return false;
            }
        }

        private static bool IsServerBindingKey(string path)
        {
            var lastKey = path.Substring(path.LastIndexOf(':') + 1);
            return string.Equals(lastKey, "Urls", StringComparison.OrdinalIgnoreCase)
                || string.Equals(lastKey, "ASPNETCORE_URLS", StringComparison.OrdinalIgnoreCase)
                || path.StartsWith("Kestrel:", StringComparison.OrdinalIgnoreCase);
        }

        // appsettings.json and appsettings.Production.json deploy to production; Development, Local and
        // launchSettings.json stay on developer machines.
        internal static bool IsProductionConfigFile(string path)
        {
            var name = Path.GetFileName(path);
            return string.Equals(name, "appsettings.json", StringComparison.OrdinalIgnoreCase)
                || string.Equals(name, "appsettings.Production.json", StringComparison.OrdinalIgnoreCase)
                || string.Equals(name, "appsettings.Prod.json", StringComparison.OrdinalIgnoreCase);
        }

        private readonly struct Usage
        {
            public Usage(bool isHostTarget, bool isNamespace)
            {
                IsHostTarget = isHostTarget;
                IsNamespace = isNamespace;
            }

            public bool IsHostTarget { get; }

            public bool IsNamespace { get; }
        }

        private sealed class Settings
        {
            private readonly ImmutableArray<string> _allowedHosts;

            public Settings(AnalyzerConfigOptions local, AnalyzerConfigOptions global)
            {
                DevHosts = UrlOptions.DevHosts.Read(local, global);
                _allowedHosts = UrlOptions.AllowedHosts.Read(local, global);
                AllowInDebug = UrlOptions.AllowInDebug.Read(local, global);
            }

            public ImmutableArray<string> DevHosts { get; }

            public bool AllowInDebug { get; }

            public bool IsAllowed(string host) => HostClassifier.MatchesAny(host, _allowedHosts);
        }
    }
}
