namespace LaunchReady.Analyzers.Infrastructure
{
    /// <summary>Options that apply to every rule family.</summary>
    public static class GeneralOptions
    {
        public static readonly BooleanOption IncludeTestCode = new BooleanOption(
            "launchready.include_test_code",
            defaultValue: false,
            "Also report findings in test code (test projects, *Tests assemblies, files under test/ or tests/), where fake keys, local URLs, throwaway clients and seeding loops are normal.",
            DiagnosticIds.ProviderSecret,
            DiagnosticIds.GenericSecret,
            DiagnosticIds.ConfigFileSecret,
            DiagnosticIds.DevelopmentUrl,
            DiagnosticIds.InsecureHttpUrl,
            DiagnosticIds.MissingHttpTimeout,
            DiagnosticIds.ExcessiveHttpTimeout,
            DiagnosticIds.HttpClientPerOperation,
            DiagnosticIds.StaleDnsHttpClient,
            DiagnosticIds.QueryInLoop,
            DiagnosticIds.LazyLoadInLoop,
            DiagnosticIds.SaveChangesInLoop,
            DiagnosticIds.UnboundedRetry,
            DiagnosticIds.RetryWithoutBackoff,
            DiagnosticIds.UndeclaredConfigKey);
    }
}
