using System.Collections.Generic;
using LaunchReady.Detection.Manifest;

namespace LaunchReady.Tasks.Infrastructure
{
    /// <summary>A rule reported by the MSBuild tasks; the analyzers' rules are declared by their descriptors instead.</summary>
    public sealed class TaskRule
    {
        public TaskRule(string id, string title, string family, bool isError, params string[] properties)
        {
            Id = id;
            Title = title;
            Family = family;
            IsError = isError;
            Properties = properties;
        }

        public string Id { get; }

        public string Title { get; }

        public string Family { get; }

        public bool IsError { get; }

        /// <summary>The MSBuild properties that change the rule; its docs page lists them.</summary>
        public IReadOnlyList<string> Properties { get; }
    }

    /// <summary>Every rule ID the tasks report. As with the analyzers, an ID's meaning never changes.</summary>
    public static class TaskRules
    {
        public static readonly TaskRule MalformedManifest = new TaskRule(
            EnvManifestReader.MalformedRule, "Malformed env manifest", "Manifest", true, "LaunchReadyEnvManifest", "LaunchReadyValidateEnvManifest");

        public static readonly TaskRule EnvironmentInvalid = new TaskRule(
            "LR1002", "Required environment variable missing or invalid", "Manifest", true, "LaunchReadyEnvironment", "LaunchReadyEnvFile");

        public static readonly TaskRule CommittedSecret = new TaskRule(
            "LR1003", "Secret variable with a committed value", "Manifest", true, "LaunchReadyValidateEnvManifest");

        public static readonly TaskRule PublicPrefixSecret = new TaskRule(
            EnvManifestReader.PublicPrefixRule, "Secret variable with a client-public prefix", "Manifest", true, "LaunchReadyPublicPrefixes");

        public static readonly TaskRule SecretInBundle = new TaskRule(
            "LR1010", "Secret in a client bundle", "Bundle", true, "LaunchReadyScanClientBundles", "LaunchReadyClientBundle", "LaunchReadySuppressions");

        public static readonly TaskRule SourceMapWithSources = new TaskRule(
            "LR1011", "Source map with embedded sources in a client bundle", "Bundle", false, "LaunchReadyAllowSourceMapSources");

        public static readonly TaskRule ServerFileInBundle = new TaskRule(
            "LR1012", "Server-only configuration file in a client bundle", "Bundle", true, "LaunchReadyScanClientBundles", "LaunchReadyClientBundle");

        public static IReadOnlyList<TaskRule> All { get; } = new[]
        {
            MalformedManifest, EnvironmentInvalid, CommittedSecret, PublicPrefixSecret, SecretInBundle, SourceMapWithSources, ServerFileInBundle,
        };
    }
}
