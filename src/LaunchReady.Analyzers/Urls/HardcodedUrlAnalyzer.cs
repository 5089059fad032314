using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using LaunchReady.Analyzers.Infrastructure;
using LaunchReady.Detection.Config;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
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

        // Names of targets that take an XML or JSON namespace, a SOAP action or a claim type: identifiers, not endpoints.
        private static readonly HashSet<string> NamespaceWords = NameWords.Set(
            "namespace", "namespaces", "xmlns", "ns", "schema", "$schema", "action", "soapaction", "claim", "claims", "claimtype");

        // A target about a version is not about a host, even when its name also says "Server".
        private static readonly HashSet<string> VersionWords = NameWords.Set("version", "versions");

        // Methods and collections that take addresses a server listens on or trusts, not endpoints it calls.
        private static readonly HashSet<string> ServerBindingMethods = NameWords.Set("UseUrls", "Listen", "ListenAnyIP", "ListenLocalhost");
        private static readonly HashSet<string> TrustedNetworkCollections = NameWords.Set("KnownProxies", "KnownNetworks", "KnownIPNetworks");

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
                var settings = new ConcurrentDictionary<SyntaxTree, Settings>();
                start.RegisterSyntaxNodeAction(c => AnalyzeConstant(c, testCode, settings), StringConstant.Kinds);
                start.RegisterAdditionalFileAction(c => AnalyzeConfigFile(c, testCode));
            });
        }

        private static void AnalyzeConstant(SyntaxNodeAnalysisContext context, TestCodeFilter testCode, ConcurrentDictionary<SyntaxTree, Settings> settingsByTree)
        {
            var node = context.Node;
            if (!StringConstant.TryGetValue(node, context.SemanticModel, context.CancellationToken, out var value))
            {
                return;
            }

            var candidates = EndpointScanner.Scan(value);
            if (candidates is null)
            {
                return;
            }

            // How the value is used can only suppress a finding, so a constant that yields none even for the most
            // reporting use (a host target, not a namespace) is done with before the costlier questions.
            // No lambdas here: a captured local would cost an allocation on every string constant of the compilation.
            var tree = node.SyntaxTree;
            if (!settingsByTree.TryGetValue(tree, out var settings))
            {
                var options = context.Options.AnalyzerConfigOptionsProvider;
                settings = settingsByTree.GetOrAdd(tree, new Settings(options.GetOptions(tree), options.GlobalOptions));
            }

            if (!AnyReported(candidates, value, settings) || StringConstant.IsPartOfFoldedConstant(node, context.SemanticModel, context.CancellationToken))
            {
                return;
            }

            var operation = StringConstant.OperationOf(node, context.SemanticModel, context.CancellationToken);
            var use = operation is null ? default : ValueUse.Of(operation);
            if (use.IsComparison || (operation is not null && IsServerBinding(operation, use)) || testCode.ShouldSkip(tree))
            {
                return;
            }

            var usage = new Usage(
                isHostTarget: NameWords.ContainsAny(use.TargetName, HostWords) && !NameWords.ContainsAny(use.TargetName, VersionWords),
                isNamespace: operation is not null && IsNamespaceUse(operation, use),
                isOrigin: use.Method?.Name is "WithOrigins" || IsOriginName(use.TargetName));
            var mapping = SourceMapping.For(node, value);
            foreach (var candidate in candidates)
            {
                var kind = Evaluate(candidate, value, usage, settings);
                if (kind is null
                    || (candidate.Form == EndpointForm.BareHost && (NamesTheHost(use.TargetName, candidate.Host) || (operation is not null && IsInListOfLocalHosts(operation))))
                    || (settings.AllowInDebug && DevelopmentOnlyCode.Contains(node)))
                {
                    continue;
                }

                Report(context.ReportDiagnostic, candidate, kind.Value, mapping.Locate(tree, candidate.Start, candidate.Length), null);
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

                var lastKey = value.LastKey;
                var usage = new Usage(NameWords.ContainsAny(lastKey, HostWords), NameWords.ContainsAny(lastKey, NamespaceWords), IsOriginName(value.Path));
                foreach (var candidate in candidates)
                {
                    var kind = Evaluate(candidate, value.RawText, usage, settings);
                    if (kind is null)
                    {
                        continue;
                    }

                    var span = new TextSpan(value.Start + candidate.Start, candidate.Length);
                    Report(context.ReportDiagnostic, candidate, kind.Value, Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span)), text);
                }
            }
        }

        private const int MaxConfigFileLength = 2 * 1024 * 1024;

        private static bool AnyReported(List<EndpointCandidate> candidates, string text, Settings settings)
        {
            foreach (var candidate in candidates)
            {
                if (Evaluate(candidate, text, Usage.MostReporting, settings) is not null)
                {
                    return true;
                }
            }

            return false;
        }

        // LR0010 for a development kind, LR0011 (plain http to a public host) for EndpointKind.None.
        private static void Report(Action<Diagnostic> report, EndpointCandidate candidate, EndpointKind kind, Location location, SourceText? fileText)
        {
            var (descriptor, arguments) = kind == EndpointKind.None
                ? (InsecureHttpRule, new object[] { "http://" + candidate.Host })
                : (DevelopmentUrlRule, new object[] { candidate.Host, Describe(kind) });
            report(fileText is null ? Finding.Create(descriptor, location, arguments) : Finding.CreateInFile(descriptor, location, fileText, arguments));
        }

        /// <summary>The kind of endpoint to report (<see cref="EndpointKind.None"/>: plain http to a public host), or null for none.</summary>
        private static EndpointKind? Evaluate(EndpointCandidate candidate, string text, Usage usage, Settings settings)
        {
            // A URL inside prose or markup is a link for people to read, not an address the code calls.
            if (usage.IsNamespace || settings.IsAllowed(candidate.Host)
                || (candidate.Form == EndpointForm.Url && !StartsValue(text, candidate.UrlStart)))
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

                return kind;
            }

            // Single-label hosts ("http://orders-api:8080") are container or cluster service names, not public hosts.
            if (usage.IsOrigin
                || candidate.Form != EndpointForm.Url
                || candidate.Scheme != "http"
                || !HostClassifier.IsHostName(candidate.Host)
                || (candidate.Host.IndexOf('.') < 0 && candidate.Host[0] != '[')
                || HostClassifier.IsPlaceholderHost(candidate.Host)
                || HostClassifier.IsCloudMetadataHost(candidate.Host)
                || HostClassifier.IsClusterInternal(candidate.Host)
                || IsIdentifierUrl(candidate, text))
            {
                return null;
            }

            return EndpointKind.None;
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
            var i = candidate.Start - 1;
            while (i >= 0 && (text[i] == '"' || text[i] == '\'' || char.IsWhiteSpace(text[i])))
            {
                i--;
            }

            if (i >= 0 && text[i] == '=')
            {
                var nameEnd = i;
                while (nameEnd > 0 && char.IsWhiteSpace(text[nameEnd - 1]))
                {
                    nameEnd--;
                }

                var nameStart = nameEnd;
                while (nameStart > 0 && nameEnd - nameStart < 64 && !char.IsWhiteSpace(text[nameStart - 1]) && text[nameStart - 1] != '<')
                {
                    nameStart--;
                }

                var name = text.Substring(nameStart, nameEnd - nameStart).ToLowerInvariant();
                if (name == "xmlns" || name.StartsWith("xmlns:", StringComparison.Ordinal)
                    || name.EndsWith("namespace", StringComparison.Ordinal) || name.EndsWith("schemalocation", StringComparison.Ordinal))
                {
                    return true;
                }
            }

            // http://shop.com/schemas/orders/v1 names a schema and http://shop.com/claims/tenant a claim type; nobody sends requests to them.
            var pathStart = candidate.Start + candidate.Length;
            var pathEnd = pathStart;
            while (pathEnd < text.Length && pathEnd - pathStart < 256 && !char.IsWhiteSpace(text[pathEnd]) && text[pathEnd] != '"' && text[pathEnd] != '\'')
            {
                pathEnd++;
            }

            var path = text.Substring(pathStart, pathEnd - pathStart).ToLowerInvariant();
            return path.Contains("/schema") || path.Contains("/ns/") || path.Contains("/xmlns") || path.Contains("/namespace") || path.Contains("/claims/");
        }

        private static bool IsNamespaceUse(IOperation operation, ValueUse use)
        {
            if (NameWords.ContainsAny(use.TargetName, NamespaceWords) || NameWords.ContainsAny(use.Method?.Name, NamespaceWords))
            {
                return true;
            }

            var type = use.ConvertedType;
            if (type is not null && (type.Name == "XNamespace" || type.Name == "XName") && type.ContainingNamespace?.ToDisplayString() == "System.Xml.Linq")
            {
                return true;
            }

            // new XAttribute(XNamespace.Xmlns + "o", "http://..."), writer.WriteAttributeString("xmlns", "p", null, "http://...")
            var value = operation;
            while (value.Parent is IConversionOperation conversion)
            {
                value = conversion;
            }

            if (use.Method is not null && value.Parent is IArgumentOperation argument && argument.Parent is IInvocationOperation or IObjectCreationOperation)
            {
                foreach (var sibling in argument.Parent.ChildOperations)
                {
                    if (sibling != argument && MentionsXmlns(sibling is IArgumentOperation other ? other.Value : sibling))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool MentionsXmlns(IOperation operation)
        {
            if (operation.ConstantValue.Value is string text)
            {
                return text == "xmlns";
            }

            foreach (var descendant in operation.DescendantsAndSelf())
            {
                if (descendant is IMemberReferenceOperation member && member.Member.Name == "Xmlns")
                {
                    return true;
                }
            }

            return false;
        }

        // const string Localhost = "localhost": a name for the value, kept to compare against.
        private static bool NamesTheHost(string? targetName, string host)
        {
            if (targetName is null)
            {
                return false;
            }

            var name = targetName.Replace("_", string.Empty);
            var bare = host.Replace(".", string.Empty).Replace("-", string.Empty);
            return string.Equals(name, bare, StringComparison.OrdinalIgnoreCase);
        }

        // { "localhost", "127.0.0.1", "::1" }: a list of local hosts is kept to recognise them (an SSRF guard), not to call them.
        private static bool IsInListOfLocalHosts(IOperation operation)
        {
            var container = operation.Parent is IArgumentOperation { Parent: IInvocationOperation { IsImplicit: true } add } ? add.Parent : operation.Parent;
            if (container is null || !(container is IArrayInitializerOperation || container is IObjectOrCollectionInitializerOperation))
            {
                return false;
            }

            var localHosts = 0;
            foreach (var element in container.Descendants())
            {
                if (element is ILiteralOperation { ConstantValue.Value: string text } && EndpointScanner.Scan(text) is { } found
                    && found.Exists(c => c.Form == EndpointForm.BareHost && IsDistinctive(HostClassifier.Classify(c.Host, ImmutableArray<string>.Empty))))
                {
                    localHosts++;
                }
            }

            return localHosts >= 2;
        }

        // Addresses a server listens on (or trusts as a proxy) are not endpoints it calls: http, 0.0.0.0
        // and loopback are normal there, behind a proxy or in a container.
        private static bool IsServerBinding(IOperation operation, ValueUse use)
        {
            if (use.TargetName is { } key && IsServerBindingKey(key))
            {
                return true;
            }

            var method = use.Method;
            if (method is null)
            {
                return use.TargetName is not null && FlowsIntoRun(operation, use.TargetName);
            }

            switch (method.Name)
            {
                case "Run":
                case "RunAsync":
                case "StartAsync":
                    return method.ContainingType?.Name == "WebApplication";
                case "Add":
                    return use.ReceiverName == "Urls" || (use.ReceiverName is not null && TrustedNetworkCollections.Contains(use.ReceiverName));
                case "Parse":
                case "TryParse":
                    // IPAddress.Parse("0.0.0.0") handed to Listen(...) or KnownProxies.Add(...)
                    if (method.ContainingType?.Name == "IPAddress" && operation.Parent is IArgumentOperation { Parent: IInvocationOperation parse })
                    {
                        var outer = ValueUse.Of(parse);
                        return outer.Method is not null
                            && (ServerBindingMethods.Contains(outer.Method.Name)
                                || (outer.Method.Name == "Add" && outer.ReceiverName is not null && TrustedNetworkCollections.Contains(outer.ReceiverName)));
                    }

                    return false;
                default:
                    return ServerBindingMethods.Contains(method.Name);
            }
        }

        // var url = $"http://0.0.0.0:{port}"; app.Run(url);
        private static bool FlowsIntoRun(IOperation operation, string local)
        {
            var member = operation.Syntax.FirstAncestorOrSelf<Microsoft.CodeAnalysis.CSharp.Syntax.MemberDeclarationSyntax>()
                ?? (SyntaxNode?)operation.Syntax.FirstAncestorOrSelf<Microsoft.CodeAnalysis.CSharp.Syntax.CompilationUnitSyntax>();
            if (member is null)
            {
                return false;
            }

            foreach (var invocation in member.DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax>())
            {
                var name = invocation.Expression is Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax access ? access.Name.Identifier.ValueText : null;
                if ((name == "Run" || name == "RunAsync" || name == "UseUrls")
                    && invocation.ArgumentList.Arguments.Any(a => a.Expression is Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax id && id.Identifier.ValueText == local))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsServerBindingKey(string path)
        {
            var lastKey = JsonStringValue.LastKeyOf(path);
            return string.Equals(lastKey, "Urls", StringComparison.OrdinalIgnoreCase)
                || lastKey.EndsWith("_URLS", StringComparison.OrdinalIgnoreCase)
                || string.Equals(lastKey, "ServerUrlsKey", StringComparison.Ordinal)
                || path.StartsWith("Kestrel:", StringComparison.OrdinalIgnoreCase);
        }

        // "AllowedOrigins", "Cors:Origins:0", var allowedOrigins = ...: CORS origins, the browser pages the server accepts
        // calls from (a segment ending in Origin or Origins, so that "OriginalUrl" is not one). Nothing is sent to them.
        private static bool IsOriginName(string? path)
        {
            if (path is null)
            {
                return false;
            }

            foreach (var segment in path.Split(':'))
            {
                if (segment.EndsWith("Origin", StringComparison.OrdinalIgnoreCase) || segment.EndsWith("Origins", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        // appsettings.json and the files of deployed environments (Production, Staging, ...) reach servers;
        // Development, Local, Docker, Test and launchSettings.json stay on developer machines.
        internal static bool IsProductionConfigFile(string path)
        {
            var file = ConfigFile.Classify(path);
            return file.Format == ConfigFormat.Json && !file.IsDevelopment
                && Path.GetFileName(path).StartsWith("appsettings", StringComparison.OrdinalIgnoreCase);
        }

        private readonly struct Usage
        {
            public static readonly Usage MostReporting = new Usage(isHostTarget: true, isNamespace: false, isOrigin: false);

            public Usage(bool isHostTarget, bool isNamespace, bool isOrigin)
            {
                IsHostTarget = isHostTarget;
                IsNamespace = isNamespace;
                IsOrigin = isOrigin;
            }

            public bool IsHostTarget { get; }

            public bool IsNamespace { get; }

            /// <summary>A CORS origin: a dev host there is still a leftover (LR0010), but plain http sends nothing (no LR0011).</summary>
            public bool IsOrigin { get; }
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
