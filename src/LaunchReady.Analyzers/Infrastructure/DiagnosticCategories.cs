namespace LaunchReady.Analyzers.Infrastructure
{
    /// <summary>Rule families, used as the diagnostic category.</summary>
    public static class DiagnosticCategories
    {
        public const string Secrets = "LaunchReady.Secrets";
        public const string Urls = "LaunchReady.Urls";
        public const string Http = "LaunchReady.Http";
        public const string EntityFramework = "LaunchReady.EntityFramework";
        public const string Retries = "LaunchReady.Retries";
        public const string Config = "LaunchReady.Config";
    }
}
