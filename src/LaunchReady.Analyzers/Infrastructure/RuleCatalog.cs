using Microsoft.CodeAnalysis;

namespace LaunchReady.Analyzers.Infrastructure
{
    /// <summary>
    /// The one place descriptors are created, so every rule gets the same help-link
    /// scheme and custom tags. Analyzers declare their descriptors through <see cref="Create"/>.
    /// </summary>
    public static class RuleCatalog
    {
        public const string DocsBaseUrl = LaunchReady.Detection.RuleDocs.BaseUrl;

        public static string HelpLink(string id) => LaunchReady.Detection.RuleDocs.For(id);

        public static DiagnosticDescriptor Create(
            string id,
            string title,
            string messageFormat,
            string category,
            DiagnosticSeverity defaultSeverity,
            string description)
        {
#pragma warning disable RS0030 // The catalog is the sanctioned place to construct descriptors.
            return new DiagnosticDescriptor(
                id,
                title,
                messageFormat,
                category,
                defaultSeverity,
                isEnabledByDefault: true,
                description: description,
                helpLinkUri: HelpLink(id),
                customTags: WellKnownDiagnosticTags.Telemetry);
#pragma warning restore RS0030
        }
    }
}
