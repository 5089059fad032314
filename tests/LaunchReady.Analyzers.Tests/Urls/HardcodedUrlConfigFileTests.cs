using System.Threading.Tasks;
using Xunit;
using VerifyCS = LaunchReady.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LaunchReady.Analyzers.Urls.HardcodedUrlAnalyzer>;

namespace LaunchReady.Analyzers.Tests.Urls
{
    public class HardcodedUrlConfigFileTests
    {
        private const string ProductionSettings = """
            {
              // comments are allowed in appsettings
              "Logging": { "LogLevel": { "Default": "Information" } },
              "ConnectionStrings": {
                "Shop": "Host=localhost;Database=shop;Username=app"
              },
              "Payments": { "BaseUrl": "http://payments.partner.com/api" },
              "Catalog": { "BaseUrl": "https://catalog.shop.com" },
              "Cache": { "Host": "10.0.0.7" },
              "Version": "10.0.0.1",
              "AllowedHosts": "*",
              "Urls": "http://0.0.0.0:8080",
              "Kestrel": { "Endpoints": { "Http": { "Url": "http://localhost:5000" } } },
              "Feeds": [ "http://localhost:7000/feed", "https://feeds.shop.com" ],
              "$schema": "http://json-schema.org/draft-07/schema#",
            }
            """;

        private static VerifyCS.Test WithFile(string path, string content)
        {
            var test = new VerifyCS.Test { TestCode = "public class Empty { }" };
            test.TestState.AdditionalFiles.Add((path, content));
            return test;
        }

        [Fact]
        public async Task ProductionAppSettings_ReportsAtFileLineAndColumn()
        {
            var test = WithFile("/app/appsettings.json", ProductionSettings);
            test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("LR0010").WithSpan("/app/appsettings.json", 5, 19, 5, 28).WithArguments("localhost", "a loopback address"));
            test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("LR0011").WithSpan("/app/appsettings.json", 7, 29, 7, 56).WithArguments("http://payments.partner.com"));
            test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("LR0010").WithSpan("/app/appsettings.json", 9, 23, 9, 31).WithArguments("10.0.0.7", "a private-network address"));
            test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("LR0010").WithSpan("/app/appsettings.json", 14, 15, 14, 36).WithArguments("localhost", "a loopback address"));
            await test.RunAsync();
        }

        [Fact]
        public async Task CorsOrigins_ReportDevHostsButNotPlainHttp()
        {
            var settings = """
                {
                  "Cors": { "AllowedOrigins": [ "https://shop.com", "http://shop.com", "http://localhost:3000" ] },
                  "OriginalSourceUrl": "http://feeds.partner.com"
                }
                """;
            var test = WithFile("/app/appsettings.json", settings);
            test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("LR0010").WithSpan("/app/appsettings.json", 2, 73, 2, 94).WithArguments("localhost", "a loopback address"));
            test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("LR0011").WithSpan("/app/appsettings.json", 3, 25, 3, 49).WithArguments("http://feeds.partner.com"));
            await test.RunAsync();
        }

        [Fact]
        public async Task ProductionEnvironmentFile_IsAnalyzed()
        {
            var test = WithFile("/app/appsettings.Production.json", "{ \"Api\": \"http://127.0.0.1:9000\" }");
            test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("LR0010").WithSpan("/app/appsettings.Production.json", 1, 11, 1, 32).WithArguments("127.0.0.1", "a loopback address"));
            await test.RunAsync();
        }

        [Theory]
        [InlineData("/app/appsettings.Development.json")]
        [InlineData("/app/Properties/launchSettings.json")]
        [InlineData("/app/appsettings.Local.json")]
        [InlineData("/app/data/seed.json")]
        public async Task DevelopmentConfigFiles_AreNotAnalyzed(string path)
        {
            await WithFile(path, ProductionSettings).RunAsync();
        }

        [Fact]
        public async Task ConfigInTestProject_IsSkipped()
        {
            await WithFile("/app/appsettings.json", ProductionSettings).WithBuildProperties("build_property.IsTestProject = true").RunAsync();
        }

        [Theory]
        [InlineData("{ \"a\": \"http://localhost")]
        [InlineData("{ \"a\": [ \"https://local")]
        [InlineData("\u0000\u0001\u00ff{{{{\"")]
        [InlineData("/* unterminated comment")]
        [InlineData("{ \"a\\\": \"x\" }")]
        public async Task BrokenJson_DoesNotCrash(string content)
        {
            // Whatever is readable may be reported; the analyzer must not throw (AD0001).
            var test = WithFile("/app/appsettings.json", content);
            test.TestBehaviors |= Microsoft.CodeAnalysis.Testing.TestBehaviors.SkipGeneratedCodeCheck;
            test.ExpectedDiagnostics.Clear();
            if (content.Contains("http://localhost"))
            {
                test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("LR0010").WithSpan("/app/appsettings.json", 1, 9, 1, 25).WithArguments("localhost", "a loopback address"));
            }

            await test.RunAsync();
        }
    }
}
