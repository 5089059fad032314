using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LaunchReady.Analyzers.Infrastructure
{
    /// <summary>
    /// A typed <c>.editorconfig</c> option (<c>launchready.*</c>). The value for a file comes from
    /// its own section first, then from a global analyzer config, then the default.
    /// </summary>
    public abstract class OptionDefinition
    {
        protected OptionDefinition(string key, string defaultText, string description, params string[] ruleIds)
        {
            Key = key;
            DefaultText = defaultText;
            Description = description;
            RuleIds = ImmutableArray.Create(ruleIds);
        }

        public string Key { get; }

        /// <summary>The default as a user would write it in <c>.editorconfig</c>.</summary>
        public string DefaultText { get; }

        public string Description { get; }

        /// <summary>Rules whose behaviour this option changes; their docs pages list it.</summary>
        public ImmutableArray<string> RuleIds { get; }

        protected bool TryGetRaw(AnalyzerConfigOptions local, AnalyzerConfigOptions global, out string raw)
        {
            if (local.TryGetValue(Key, out raw!) && !string.IsNullOrWhiteSpace(raw))
            {
                return true;
            }

            return global.TryGetValue(Key, out raw!) && !string.IsNullOrWhiteSpace(raw);
        }
    }

    public sealed class BooleanOption : OptionDefinition
    {
        public BooleanOption(string key, bool defaultValue, string description, params string[] ruleIds)
            : base(key, defaultValue ? "true" : "false", description, ruleIds)
        {
            Default = defaultValue;
        }

        public bool Default { get; }

        public bool Read(AnalyzerConfigOptions local, AnalyzerConfigOptions global)
        {
            return TryGetRaw(local, global, out var raw) && bool.TryParse(raw.Trim(), out var value)
                ? value
                : Default;
        }
    }

    public sealed class IntegerOption : OptionDefinition
    {
        public IntegerOption(string key, int defaultValue, string description, params string[] ruleIds)
            : base(key, defaultValue.ToString(System.Globalization.CultureInfo.InvariantCulture), description, ruleIds)
        {
            Default = defaultValue;
        }

        public int Default { get; }

        public int Read(AnalyzerConfigOptions local, AnalyzerConfigOptions global)
        {
            return TryGetRaw(local, global, out var raw)
                && int.TryParse(raw.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)
                ? value
                : Default;
        }
    }

    public sealed class NumberOption : OptionDefinition
    {
        public NumberOption(string key, double defaultValue, string description, params string[] ruleIds)
            : base(key, defaultValue.ToString("0.0##", System.Globalization.CultureInfo.InvariantCulture), description, ruleIds)
        {
            Default = defaultValue;
        }

        public double Default { get; }

        public double Read(AnalyzerConfigOptions local, AnalyzerConfigOptions global)
        {
            return TryGetRaw(local, global, out var raw)
                && double.TryParse(raw.Trim(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value)
                ? value
                : Default;
        }
    }

    /// <summary>A comma- or whitespace-separated list; an unset option is an empty list.</summary>
    public sealed class ListOption : OptionDefinition
    {
        private static readonly char[] Separators = { ',', ';', ' ', '\t' };

        public ListOption(string key, string description, params string[] ruleIds)
            : base(key, string.Empty, description, ruleIds)
        {
        }

        public ImmutableArray<string> Read(AnalyzerConfigOptions local, AnalyzerConfigOptions global)
        {
            if (!TryGetRaw(local, global, out var raw))
            {
                return ImmutableArray<string>.Empty;
            }

            var parts = raw.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
            var builder = ImmutableArray.CreateBuilder<string>(parts.Length);
            foreach (var part in parts)
            {
                var item = part.Trim();
                if (item.Length > 0)
                {
                    builder.Add(item);
                }
            }

            return builder.ToImmutable();
        }
    }
}
