using System.Collections.Generic;
using System.Collections.Immutable;
using LaunchReady.Detection.Baseline;
using Microsoft.CodeAnalysis;

namespace LaunchReady.Analyzers.Infrastructure
{
    /// <summary>
    /// The one place diagnostics are created. Each carries a hash of the flagged code, which the baseline
    /// uses to recognise the finding after the code around it moves; it reaches the compiler's SARIF log
    /// as a custom property, where <c>-t:LaunchReadyBaseline</c> reads it.
    /// </summary>
    public static class Finding
    {
        public const string SnippetProperty = "LaunchReadySnippet";

        public static Diagnostic Create(DiagnosticDescriptor rule, Location location, params object?[] messageArgs) =>
            Create(rule, location, null, null, messageArgs);

        public static Diagnostic Create(DiagnosticDescriptor rule, Location location, ImmutableDictionary<string, string?>? properties, params object?[] messageArgs) =>
            Create(rule, location, null, properties, messageArgs);

        public static Diagnostic Create(DiagnosticDescriptor rule, Location location, IEnumerable<Location>? additionalLocations, params object?[] messageArgs) =>
            Create(rule, location, additionalLocations, null, messageArgs);

        public static Diagnostic Create(
            DiagnosticDescriptor rule,
            Location location,
            IEnumerable<Location>? additionalLocations,
            ImmutableDictionary<string, string?>? properties,
            params object?[] messageArgs)
        {
            var snippet = location.SourceTree?.GetText().ToString(location.SourceSpan) ?? string.Empty;
            return CreateWithSnippet(rule, location, snippet, additionalLocations, properties, messageArgs);
        }

        /// <summary>For locations outside the compilation's syntax trees (additional files), whose text the caller holds.</summary>
        public static Diagnostic CreateInFile(DiagnosticDescriptor rule, Location location, string snippet, params object?[] messageArgs) =>
            CreateWithSnippet(rule, location, snippet, null, null, messageArgs);

        private static Diagnostic CreateWithSnippet(
            DiagnosticDescriptor rule,
            Location location,
            string snippet,
            IEnumerable<Location>? additionalLocations,
            ImmutableDictionary<string, string?>? properties,
            object?[] messageArgs)
        {
            properties = (properties ?? ImmutableDictionary<string, string?>.Empty).SetItem(SnippetProperty, FindingFingerprint.OfSnippet(snippet));
#pragma warning disable RS0030 // This is the sanctioned place to create diagnostics.
            return Diagnostic.Create(rule, location, additionalLocations, properties, messageArgs);
#pragma warning restore RS0030
        }
    }
}
