using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using LaunchReady.Detection.Config;
using LaunchReady.Detection.Manifest;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LaunchReady.Analyzers.Config
{
    /// <summary>
    /// What code may read without LR0050: the variables the env manifest declares, the keys the project's
    /// committed settings files give a value to, and what the platform sets. Built once per compilation
    /// from AdditionalFiles; null when the project has no manifest, which leaves the rule off.
    /// </summary>
    public sealed class DeclaredKeys
    {
        private const int MaxFileLength = 4 * 1024 * 1024;

        // Set by the host or the platform, never by the application's operators.
        private static readonly string[] PlatformPrefixes =
        {
            "ASPNETCORE_", "DOTNET_", "WEBSITE_", "KUBERNETES_", "CONTAINER_APP_", "OTEL_", "AZURE_FUNCTIONS_", "FUNCTIONS_", "AWS_LAMBDA_", "K_",
        };

        private static readonly string[] PlatformNames =
        {
            "HOME", "PATH", "USER", "USERNAME", "USERPROFILE", "TEMP", "TMP", "TMPDIR", "HOSTNAME", "COMPUTERNAME", "PWD", "SHELL", "LANG", "TZ",
            "CI", "environment", "applicationName", "contentRoot", "urls", "http_ports", "https_ports", "AllowedHosts", "Logging",
            "detailedErrors", "shutdownTimeoutSeconds", "hostingStartupAssemblies", "preventHostingStartup", "suppressStatusMessages", "webroot",
        };

        // Parsed once per text: the IDE hands every compilation the same SourceText until the file changes, and a
        // manifest read on each keystroke would cost as much as the rule's whole analysis.
        private static readonly ConditionalWeakTable<SourceText, ManifestKeys> ParsedManifests = new ConditionalWeakTable<SourceText, ManifestKeys>();
        private static readonly ConditionalWeakTable<SourceText, List<string>> ParsedSettings = new ConditionalWeakTable<SourceText, List<string>>();

        private readonly ManifestKeys manifest;
        private readonly HashSet<string> provided = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private ImmutableArray<string> ignored = ImmutableArray<string>.Empty;

        private DeclaredKeys(string manifestName, string? manifestPath, ManifestKeys manifest)
        {
            ManifestName = manifestName;
            ManifestPath = manifestPath;
            this.manifest = manifest;
        }

        /// <summary>"launchready.env.json" or ".env.example", for messages.</summary>
        public string ManifestName { get; }

        public string? ManifestPath { get; }

        public static DeclaredKeys? Create(AnalyzerOptions options, CancellationToken cancellation)
        {
            options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue("build_property.LaunchReadyEnvManifest", out var configuredPath);
            AdditionalText? json = null;
            AdditionalText? example = null;
            var settings = new List<AdditionalText>();
            foreach (var file in options.AdditionalFiles)
            {
                var name = Path.GetFileName(file.Path);
                if (SamePath(file.Path, configuredPath) || string.Equals(name, "launchready.env.json", StringComparison.OrdinalIgnoreCase))
                {
                    json ??= file;
                }
                else if (string.Equals(name, ".env.example", StringComparison.OrdinalIgnoreCase))
                {
                    example ??= file;
                }
                else if (name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                {
                    settings.Add(file);
                }
            }

            var source = json ?? example;
            var text = source?.GetText(cancellation);
            if (source is null || text is null)
            {
                return null;
            }

            var isJson = source == json;
            var manifest = ParsedManifests.GetValue(text, t => ManifestKeys.Read(t, isJson));
            if (manifest.IsUnreadable)
            {
                return null;
            }

            var keys = new DeclaredKeys(Path.GetFileName(source.Path), source.Path, manifest);
            foreach (var file in settings)
            {
                // Development-only settings do not exist in production: a key only they provide still needs declaring.
                if (ConfigFile.Classify(file.Path).IsDevelopment)
                {
                    continue;
                }

                var settingsText = ReadText(file, cancellation);
                if (settingsText is not null)
                {
                    keys.provided.UnionWith(ParsedSettings.GetValue(settingsText, t => new List<string>(JsonKeyReader.ReadProvidedKeys(t.ToString()))));
                }
            }

            return keys;
        }

        public void SetIgnored(ImmutableArray<string> patterns) => ignored = patterns;

        /// <summary>Whether an environment variable read by name is accounted for.</summary>
        public bool IsDeclaredVariable(string name) =>
            manifest.Exact.Contains(name) || IsPlatform(name) || IsIgnored(name);

        /// <summary>Whether a configuration key (":"-separated) is accounted for; a section counts when something below it is.</summary>
        public bool IsDeclaredKey(string key, bool isSection)
        {
            var normalized = key.Replace("__", ":");
            if (manifest.Exact.Contains(normalized) || provided.Contains(normalized) || IsPlatform(normalized) || IsIgnored(key) || IsIgnored(normalized))
            {
                return true;
            }

            return isSection && manifest.Sections.Contains(normalized);
        }

        private bool IsIgnored(string key)
        {
            foreach (var pattern in ignored)
            {
                if (pattern.EndsWith("*", StringComparison.Ordinal)
                    ? key.StartsWith(pattern.Substring(0, pattern.Length - 1), StringComparison.OrdinalIgnoreCase)
                    : string.Equals(key, pattern, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        // Asked for every read that is not declared: compares the first segment in place, without splitting the key.
        private static bool IsPlatform(string key)
        {
            var colon = key.IndexOf(':');
            var firstLength = colon < 0 ? key.Length : colon;
            foreach (var prefix in PlatformPrefixes)
            {
                if (firstLength >= prefix.Length && string.Compare(key, 0, prefix, 0, prefix.Length, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    return true;
                }
            }

            foreach (var name in PlatformNames)
            {
                if (firstLength == name.Length && string.Compare(key, 0, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The keys a manifest declares, shared by every compilation that hands the analyzer the same manifest text.</summary>
        private sealed class ManifestKeys
        {
            private static readonly ManifestKeys Unreadable = new ManifestKeys();

            public HashSet<string> Exact { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

            /// <summary>Every declared key and each of its parent sections ("Payments" and "Payments:Stripe" for "Payments:Stripe:Key").</summary>
            public HashSet<string> Sections { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

            public bool IsUnreadable => this == Unreadable;

            public static ManifestKeys Read(SourceText text, bool isJson)
            {
                if (text.Length > MaxFileLength || ContainsNul(text))
                {
                    return Unreadable;
                }

                var manifest = isJson ? EnvManifestReader.Read(text.ToString()) : EnvManifestReader.ReadDotEnvExample(text.ToString());
                if (isJson && manifest.Variables.Count == 0 && manifest.Problems.Count > 0)
                {
                    return Unreadable; // LR1001 in the build says why, and every read would be reported
                }

                var keys = new ManifestKeys();
                foreach (var variable in manifest.Variables)
                {
                    keys.Exact.Add(variable.Name);
                    keys.Exact.Add(variable.ConfigurationKey);
                    AddSections(keys.Sections, variable.ConfigurationKey);
                }

                return keys;
            }
        }

        private static void AddSections(HashSet<string> sections, string key)
        {
            for (var colon = key.IndexOf(':'); colon > 0; colon = key.IndexOf(':', colon + 1))
            {
                sections.Add(key.Substring(0, colon));
            }

            sections.Add(key);
        }

        private static SourceText? ReadText(AdditionalText file, CancellationToken cancellation)
        {
            var text = file.GetText(cancellation);
            return text is null || text.Length > MaxFileLength || ContainsNul(text) ? null : text;
        }

        private static bool ContainsNul(SourceText text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\0')
                {
                    return true;
                }
            }

            return false;
        }

        private static bool SamePath(string path, string? other)
        {
            if (string.IsNullOrWhiteSpace(other))
            {
                return false;
            }

            try
            {
                return string.Equals(Path.GetFullPath(path), Path.GetFullPath(other!.Trim()), StringComparison.OrdinalIgnoreCase);
            }
            catch (ArgumentException)
            {
                return false;
            }
            catch (NotSupportedException)
            {
                return false;
            }
        }
    }
}
