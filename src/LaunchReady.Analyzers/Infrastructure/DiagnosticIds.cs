namespace LaunchReady.Analyzers.Infrastructure
{
    /// <summary>
    /// Every rule ID the package declares. The meaning of an ID is public contract:
    /// never reuse or renumber one (retire it in AnalyzerReleases.Shipped.md instead).
    /// </summary>
    public static class DiagnosticIds
    {
        public const string ProviderSecret = "LR0001";
        public const string GenericSecret = "LR0002";
        public const string ConfigFileSecret = "LR0003";
        public const string DevelopmentUrl = "LR0010";
        public const string InsecureHttpUrl = "LR0011";
        public const string MissingHttpTimeout = "LR0020";
        public const string ExcessiveHttpTimeout = "LR0021";
        public const string HttpClientPerOperation = "LR0023";
        public const string StaleDnsHttpClient = "LR0024";
        public const string QueryInLoop = "LR0030";
        public const string LazyLoadInLoop = "LR0031";
        public const string SaveChangesInLoop = "LR0032";
        public const string UnboundedRetry = "LR0040";
        public const string RetryWithoutBackoff = "LR0041";
        public const string UndeclaredConfigKey = "LR0050";

        public static readonly System.Collections.Immutable.ImmutableArray<string> All = System.Collections.Immutable.ImmutableArray.Create(
            ProviderSecret, GenericSecret, ConfigFileSecret, DevelopmentUrl, InsecureHttpUrl, MissingHttpTimeout, ExcessiveHttpTimeout,
            HttpClientPerOperation, StaleDnsHttpClient, QueryInLoop, LazyLoadInLoop, SaveChangesInLoop, UnboundedRetry, RetryWithoutBackoff,
            UndeclaredConfigKey);
    }
}
