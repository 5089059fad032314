using System;
using System.Text.RegularExpressions;

namespace LaunchReady.Detection
{
    /// <summary>One credential format: the anchors that gate it, the expression that extracts it, and the checks that make it precise.</summary>
    internal sealed class ProviderPattern
    {
        private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

        public ProviderPattern(
            string name,
            string provider,
            string environmentVariable,
            string[] anchors,
            string pattern,
            Func<string, bool>? validate = null,
            Confidence confidence = Confidence.High,
            bool anchorsIgnoreCase = false,
            string? requiredContext = null,
            bool requireRandom = true)
        {
            Name = name;
            Provider = provider;
            EnvironmentVariable = environmentVariable;
            Anchors = anchors;
            AnchorsIgnoreCase = anchorsIgnoreCase;
            Regex = new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, MatchTimeout);
            MaxLength = RegexLength.Max(pattern);
            Validate = validate;
            Confidence = confidence;
            RequiredContext = requiredContext;
            RequireRandom = requireRandom;
        }

        /// <summary>Reject values that look made up (EXAMPLE, xxxx, long runs); off for formats with fixed filler such as PEM armour.</summary>
        public bool RequireRandom { get; }

        public string Name { get; }

        public string Provider { get; }

        public string EnvironmentVariable { get; }

        /// <summary>Fixed strings, at least 2 characters, one of which must occur for the pattern to run.</summary>
        public string[] Anchors { get; }

        public bool AnchorsIgnoreCase { get; }

        /// <summary>The secret is the group named "s" when there is one, else the whole match.</summary>
        public Regex Regex { get; }

        /// <summary>The longest text <see cref="Regex"/> can match (<see cref="RegexLength.Unbounded"/> when unbounded).</summary>
        public int MaxLength { get; }

        /// <summary>Extra checks on the secret (checksums, known example values).</summary>
        public Func<string, bool>? Validate { get; }

        public Confidence Confidence { get; }

        /// <summary>A string the whole text must also contain (case-insensitive), for formats defined by their surroundings.</summary>
        public string? RequiredContext { get; }
    }
}
