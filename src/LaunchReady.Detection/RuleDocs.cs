namespace LaunchReady.Detection
{
    /// <summary>Where each rule's page lives; the analyzers' help links and the tasks' share it.</summary>
    public static class RuleDocs
    {
        public const string BaseUrl = "https://github.com/launchready/LaunchReady.Analyzers/blob/main/docs/rules/";

        public static string For(string ruleId) => BaseUrl + ruleId + ".md";
    }
}
