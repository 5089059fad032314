using System;
using System.Text.RegularExpressions;

namespace LaunchReady.Detection
{
    /// <summary>One credential format: the anchors that gate it, the expression that extracts it, and the checks that make it precise.</summary>
    internal sealed class ProviderPattern
    {
        private const int DefaultUnboundedReach = 2048;

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
            bool requireRandom = true,
            bool anchorStartsMatch = false,
            int longestMatch = DefaultUnboundedReach)
        {
            Name = name;
            Provider = provider;
            EnvironmentVariable = environmentVariable;
            Anchors = anchors;
            AnchorsIgnoreCase = anchorsIgnoreCase;
            Regex = new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, MatchTimeout);
            MaxLength = RegexLength.Max(pattern);
            ScanReach = Math.Min(MaxLength, longestMatch);
            if (anchorStartsMatch || RegexLength.AnchorStartsMatch(pattern, anchors, anchorsIgnoreCase))
            {
                AnchoredRegex = new Regex(@"\G(?:" + pattern + ")", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, MatchTimeout);
            }
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

        /// <summary>
        /// <see cref="Regex"/> anchored with <c>\G</c>, when every match starts with an anchor: large files then try
        /// the expression only where an anchor occurs. Null for patterns whose anchor sits inside the match.
        /// </summary>
        public Regex? AnchoredRegex { get; }

        /// <summary>
        /// How far past its anchor a match can reach when a large file is scanned in windows: the expression's
        /// own maximum when it has one, else what a real credential of the format can span (2 KB unless the
        /// catalog says more, as for PEM keys).
        /// </summary>
        public int ScanReach { get; }

        /// <summary>The longest text <see cref="Regex"/> can match (<see cref="RegexLength.Unbounded"/> when unbounded).</summary>
        public int MaxLength { get; }

        /// <summary>Extra checks on the secret (checksums, known example values).</summary>
        public Func<string, bool>? Validate { get; }

        public Confidence Confidence { get; }

        /// <summary>A string the whole text must also contain (case-insensitive), for formats defined by their surroundings.</summary>
        public string? RequiredContext { get; }
    }
}
