using System.Collections.Generic;
using System.Collections.Immutable;
using LaunchReady.Detection.Baseline;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace LaunchReady.Analyzers.Infrastructure
{
    /// <summary>
    /// The one place diagnostics are created. Each carries a hash of the code line(s) it flags, which the
    /// baseline uses to recognise the finding after the code around it moves; it reaches the compiler's
    /// SARIF log as a custom property, where <c>-t:LaunchReadyBaseline</c> reads it. The whole line, not
    /// only the flagged span, so that two URLs with the same host or two keys of one provider differ.
    /// </summary>
    public static class Finding
    {
        public const string SnippetProperty = "LaunchReadySnippet";

        private const int MaxLinesLength = 4096;
        private const int MaxContext = 256;

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
            params object?[] messageArgs) =>
            CreateWithText(rule, location, location.SourceTree?.GetText(), additionalLocations, properties, messageArgs);

        /// <summary>For locations outside the compilation's syntax trees (additional files), whose text the caller holds.</summary>
        public static Diagnostic CreateInFile(DiagnosticDescriptor rule, Location location, SourceText text, params object?[] messageArgs) =>
            CreateWithText(rule, location, text, null, null, messageArgs);

        /// <summary>The text of the lines a span touches; the same computation as the suppressor's fallback.</summary>
        public static string LinesOf(SourceText? text, TextSpan span)
        {
            if (text is null || span.End > text.Length)
            {
                return string.Empty;
            }

            var start = text.Lines.GetLineFromPosition(span.Start).Start;
            var end = text.Lines.GetLineFromPosition(span.End).End;

            // A huge line (a generated blob, a 10 MB literal) contributes only the neighbourhood of the finding.
            if (end - start > MaxLinesLength)
            {
                start = System.Math.Max(start, span.Start - MaxContext);
                end = System.Math.Min(end, span.End + MaxContext);
            }

            return text.ToString(TextSpan.FromBounds(start, end));
        }

        private static Diagnostic CreateWithText(
            DiagnosticDescriptor rule,
            Location location,
            SourceText? text,
            IEnumerable<Location>? additionalLocations,
            ImmutableDictionary<string, string?>? properties,
            object?[] messageArgs)
        {
            var snippet = FindingFingerprint.OfSnippet(LinesOf(text, location.SourceSpan));
            properties = (properties ?? ImmutableDictionary<string, string?>.Empty).SetItem(SnippetProperty, snippet);
#pragma warning disable RS0030 // This is the sanctioned place to create diagnostics.
            return Diagnostic.Create(rule, location, additionalLocations, properties, messageArgs);
#pragma warning restore RS0030
        }
    }
}
