using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace LaunchReady.Detection.Config
{
    public enum ConfigFormat
    {
        None,
        Json,
        DotEnv,
        XmlConfig,
    }

    /// <summary>What a configuration file is, from its name: its format, and whether it only serves development or is a template.</summary>
    public readonly struct ConfigFile
    {
        private static readonly string[] DevelopmentNames = { "development", "dev", "local", "docker", "test", "testing" };
        private static readonly string[] TemplateNames = { "example", "sample", "template", "dist", "defaults" };

        private ConfigFile(ConfigFormat format, bool isDevelopment, bool isTemplate)
        {
            Format = format;
            IsDevelopment = isDevelopment;
            IsTemplate = isTemplate;
        }

        public ConfigFormat Format { get; }

        /// <summary>appsettings.Development.json, .env.local and the like: they stay on developer machines.</summary>
        public bool IsDevelopment { get; }

        /// <summary>.env.example and the like: names with placeholder values, by design.</summary>
        public bool IsTemplate { get; }

        public static ConfigFile Classify(string path)
        {
            var name = Path.GetFileName(path);
            var lower = name.ToLowerInvariant();
            if (lower.StartsWith("appsettings", StringComparison.Ordinal) && lower.EndsWith(".json", StringComparison.Ordinal))
            {
                var environment = lower.Substring("appsettings".Length).Trim('.');
                environment = environment.Substring(0, environment.Length - "json".Length).Trim('.');
                return new ConfigFile(ConfigFormat.Json, Array.IndexOf(DevelopmentNames, environment) >= 0, false);
            }

            if (lower == "launchsettings.json")
            {
                return new ConfigFile(ConfigFormat.Json, true, false);
            }

            if (lower == ".env" || lower.EndsWith(".env", StringComparison.Ordinal) || lower.StartsWith(".env.", StringComparison.Ordinal))
            {
                // .env.development.local, .env.test.local: any development word among the qualifiers counts.
                var qualifiers = lower.StartsWith(".env.", StringComparison.Ordinal) ? lower.Substring(5).Split('.') : new string[0];
                return new ConfigFile(
                    ConfigFormat.DotEnv,
                    qualifiers.Any(q => Array.IndexOf(DevelopmentNames, q) >= 0),
                    qualifiers.Any(q => Array.IndexOf(TemplateNames, q) >= 0));
            }

            if (lower.EndsWith(".config", StringComparison.Ordinal))
            {
                return new ConfigFile(ConfigFormat.XmlConfig, lower.Contains(".debug."), false);
            }

            return new ConfigFile(ConfigFormat.None, false, false);
        }

        public IEnumerable<ConfigEntry> Read(string text) => Format switch
        {
            ConfigFormat.Json => ConfigEntryReader.ReadJson(text),
            ConfigFormat.DotEnv => ConfigEntryReader.ReadDotEnv(text),
            ConfigFormat.XmlConfig => ConfigEntryReader.ReadXmlConfig(text),
            _ => Array.Empty<ConfigEntry>(),
        };
    }
}
