using LaunchReady.Analyzers.Infrastructure;

namespace LaunchReady.Analyzers.Urls
{
    /// <summary>The <c>.editorconfig</c> options of the URL rules.</summary>
    public static class UrlOptions
    {
        public static readonly ListOption DevHosts = new ListOption(
            "launchready.dev_hosts",
            "Extra hosts that are development or staging endpoints, comma-separated. `staging.shop.com` matches that host, `*.dev.shop.com` its subdomains.",
            DiagnosticIds.DevelopmentUrl);

        public static readonly ListOption AllowedHosts = new ListOption(
            "launchready.urls.allowed_hosts",
            "Hosts never reported by the URL rules, comma-separated, same pattern syntax as `launchready.dev_hosts` (for example a partner that only speaks http).",
            DiagnosticIds.DevelopmentUrl,
            DiagnosticIds.InsecureHttpUrl);

        public static readonly BooleanOption AllowInDebug = new BooleanOption(
            "launchready.urls.allow_in_debug",
            defaultValue: true,
            "Accept development URLs inside `#if DEBUG` blocks and `IsDevelopment()` branches, which never run in production.",
            DiagnosticIds.DevelopmentUrl,
            DiagnosticIds.InsecureHttpUrl);
    }
}
