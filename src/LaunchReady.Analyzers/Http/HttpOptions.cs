using LaunchReady.Analyzers.Infrastructure;

namespace LaunchReady.Analyzers.Http
{
    /// <summary>The <c>.editorconfig</c> options of the HTTP rules.</summary>
    public static class HttpOptions
    {
        public static readonly IntegerOption MaxTimeoutSeconds = new IntegerOption(
            "launchready.http.max_timeout_seconds",
            30,
            "Longest timeout, in seconds, accepted for an HttpClient or a resilience/Polly timeout; longer ones are reported.",
            DiagnosticIds.ExcessiveHttpTimeout);

        public static readonly IntegerOption DefaultTimeoutSeconds = new IntegerOption(
            "launchready.http.default_timeout_seconds",
            10,
            "Timeout, in seconds, that the code fixes write when they add one.",
            DiagnosticIds.MissingHttpTimeout,
            DiagnosticIds.ExcessiveHttpTimeout);
    }
}
