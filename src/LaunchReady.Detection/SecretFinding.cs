namespace LaunchReady.Detection
{
    public enum SecretKind
    {
        /// <summary>A known provider's credential format (LR0001, LR0003, LR1010).</summary>
        ProviderFormat,

        /// <summary>A credential recognised by where it is used, not by its shape (LR0002, LR0003).</summary>
        Generic,
    }

    public enum Confidence
    {
        Medium,
        High,
    }

    /// <summary>A secret found in a piece of text. Holds no copy of the value, only where it is and its redaction.</summary>
    public sealed class SecretFinding
    {
        public SecretFinding(SecretKind kind, string ruleName, string provider, int start, int length, Confidence confidence, RedactedSecret redacted, string environmentVariable)
        {
            Kind = kind;
            RuleName = ruleName;
            Provider = provider;
            Start = start;
            Length = length;
            Confidence = confidence;
            Redacted = redacted;
            EnvironmentVariable = environmentVariable;
        }

        public SecretKind Kind { get; }

        /// <summary>Stable identifier of the format ("github-pat"), for baselines and SARIF.</summary>
        public string RuleName { get; }

        /// <summary>What it is, for people ("GitHub personal access token").</summary>
        public string Provider { get; }

        /// <summary>Offset of the secret in the scanned text.</summary>
        public int Start { get; }

        public int Length { get; }

        public Confidence Confidence { get; }

        public RedactedSecret Redacted { get; }

        /// <summary>The conventional variable name for this credential, used by code fixes ("STRIPE_SECRET_KEY").</summary>
        public string EnvironmentVariable { get; }
    }
}
