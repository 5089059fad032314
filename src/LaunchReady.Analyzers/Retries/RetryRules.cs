using LaunchReady.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;

namespace LaunchReady.Analyzers.Retries
{
    /// <summary>The retry rules and their options, shared by the Polly and the hand-written-loop analyzers.</summary>
    public static class RetryRules
    {
        /// <summary>Diagnostic property: the attempt count a code fix should write.</summary>
        public const string AttemptsProperty = "Attempts";

        public static readonly DiagnosticDescriptor UnboundedRule = RuleCatalog.Create(
            DiagnosticIds.UnboundedRetry,
            "Unbounded retry",
            "{0} {1}; during an outage it keeps calling the failing dependency long after it should give up, so bound it to a few attempts",
            DiagnosticCategories.Retries,
            DiagnosticSeverity.Warning,
            "A retry that never stops turns a provider's partial outage into your total one: every request keeps calling the failing dependency, queues fill, and rate limits or bills hit next.");

        public static readonly DiagnosticDescriptor NoBackoffRule = RuleCatalog.Create(
            DiagnosticIds.RetryWithoutBackoff,
            "Retry without backoff",
            "{0} retries immediately or at a fixed pace without jitter; use exponential backoff with jitter so retries do not arrive in synchronized bursts",
            DiagnosticCategories.Retries,
            DiagnosticSeverity.Warning,
            "Retries without backoff hit a struggling dependency again at once, and every client retries in lockstep; the retry storm keeps it down.");

        /// <summary>The second argument of an LR0040 message: "retries without end", or "retries 50 times, more than the 10 accepted".</summary>
        public static string UnboundedWording(double attempts, int max) =>
            attempts >= int.MaxValue
                ? WithoutEnd
                : "retries " + ((long)attempts).ToString(System.Globalization.CultureInfo.InvariantCulture) + " times, more than the "
                    + max.ToString(System.Globalization.CultureInfo.InvariantCulture) + " accepted";

        /// <summary>The second argument of an LR0040 message for a retry with no attempt bound at all.</summary>
        public const string WithoutEnd = "retries without end";

        public static readonly IntegerOption MaxAttempts = new IntegerOption(
            "launchready.retries.max_attempts",
            10,
            "Most retry attempts accepted; more are reported as unbounded.",
            DiagnosticIds.UnboundedRetry);

        public static readonly IntegerOption DefaultAttempts = new IntegerOption(
            "launchready.retries.default_attempts",
            3,
            "Attempt count the code fixes write.",
            DiagnosticIds.UnboundedRetry,
            DiagnosticIds.RetryWithoutBackoff);
    }
}
