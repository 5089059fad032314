using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using LaunchReady.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LaunchReady.Analyzers.Baseline
{
    /// <summary>
    /// Hides the findings listed in <c>launchready.baseline.json</c>, so a team adopting LaunchReady on an
    /// existing codebase fails only on new findings. A suppression, unlike a lowered severity, holds
    /// whatever severity a preset, .editorconfig or strict mode gives the rule, works the same in the IDE
    /// and on the command line, and is recorded in the compiler's SARIF log. Roslyn never lets a
    /// suppressor touch a rule that is an error by default (LR0001); its analyzer consults the baseline
    /// itself.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class BaselineSuppressor : DiagnosticSuppressor
    {
        private const string Justification = "Accepted in the LaunchReady baseline; refresh it with dotnet build -t:LaunchReadyBaseline";

        private static readonly ImmutableDictionary<string, SuppressionDescriptor> ByRule = DiagnosticIds.All.ToImmutableDictionary(
            id => id,
            id => new SuppressionDescriptor("LRB" + id.Substring(2), id, Justification));

        public override ImmutableArray<SuppressionDescriptor> SupportedSuppressions { get; } = ByRule.Values.OrderBy(d => d.Id, StringComparer.Ordinal).ToImmutableArray();

        public override void ReportSuppressions(SuppressionAnalysisContext context)
        {
            var baseline = BaselineLookup.Load(context.Options, context.CancellationToken);
            if (baseline is null)
            {
                return;
            }

            // Identical findings in one file are told apart only by count, so they are taken in file order;
            // identical reports at one spot, which the compiler prints once, count once.
            var occurrences = context.ReportedDiagnostics
                .Where(d => ByRule.ContainsKey(d.Id))
                .Select(d => (Diagnostic: d, Path: baseline.PathOf(d)))
                .OrderBy(f => f.Path, StringComparer.Ordinal)
                .ThenBy(f => f.Diagnostic.Location.SourceSpan.Start)
                .Select(f => (Key: BaselineLookup.FingerprintOf(f.Diagnostic, f.Path), Span: f.Diagnostic.Location.SourceSpan, f.Diagnostic))
                .ToList();
            var spots = occurrences.Select(o => (o.Key, o.Span)).Distinct().ToList();
            var covered = baseline.File.Covers(spots.Select(s => s.Key).ToList());
            var coveredSpots = new HashSet<(string, TextSpan)>(spots.Where((_, i) => covered[i]));
            foreach (var occurrence in occurrences)
            {
                if (coveredSpots.Contains((occurrence.Key, occurrence.Span)))
                {
                    context.ReportSuppression(Suppression.Create(ByRule[occurrence.Diagnostic.Id], occurrence.Diagnostic));
                }
            }
        }
    }
}
