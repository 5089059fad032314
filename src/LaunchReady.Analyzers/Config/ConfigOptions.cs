using LaunchReady.Analyzers.Infrastructure;

namespace LaunchReady.Analyzers.Config
{
    /// <summary>The <c>.editorconfig</c> options of the configuration rules.</summary>
    public static class ConfigOptions
    {
        public static readonly ListOption IgnoredKeys = new ListOption(
            "launchready.config.ignored_keys",
            "Environment variables and configuration keys code may read without declaring them in the manifest, comma-separated; a trailing '*' matches a prefix (FEATURE_*, Serilog:*).",
            DiagnosticIds.UndeclaredConfigKey);
    }
}
