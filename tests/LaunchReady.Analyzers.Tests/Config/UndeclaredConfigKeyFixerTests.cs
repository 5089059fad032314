using System.Threading;
using System.Threading.Tasks;
using LaunchReady.Analyzers.Config;
using LaunchReady.Analyzers.Tests.Verifiers;
using LaunchReady.CodeFixes.Config;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace LaunchReady.Analyzers.Tests.Config
{
    public class UndeclaredConfigKeyFixerTests
    {
        private const string Source = """
            using Microsoft.Extensions.Configuration;

            public class Checkout
            {
                public string? Key(IConfiguration configuration) =>
                    configuration[{|LR0050:"Stripe:SecretKey"|}] ?? System.Environment.GetEnvironmentVariable({|LR0050:"SENDGRID_API_KEY"|});
            }
            """;

        private static CSharpCodeFixTest<UndeclaredConfigKeyAnalyzer, UndeclaredConfigKeyFixer, DefaultVerifier> Test() => new()
        {
            TestCode = Source,
            FixedCode = Source.Replace("{|LR0050:", string.Empty).Replace("|}", string.Empty),
            ReferenceAssemblies = TestReferences.AspNet80,
        };

        [Fact]
        public async Task Fix_DeclaresEachKeyInTheJsonManifest_NamedAsTheProcessSeesIt()
        {
            var test = Test();
            test.TestState.AdditionalFiles.Add(("/0/launchready.env.json", "{\n  \"variables\": {\n    \"LOG_LEVEL\": { \"default\": \"Information\" }\n  }\n}\n"));
            // One at a time, fixes apply in source order; fix-all adds the names sorted, in one edit.
            test.FixedState.AdditionalFiles.Add(("/0/launchready.env.json", """
                {
                  "variables": {
                    "LOG_LEVEL": { "default": "Information" },
                    "Stripe__SecretKey": { "required": true },
                    "SENDGRID_API_KEY": { "required": true }
                  }
                }

                """.Replace("\r\n", "\n")));
            test.NumberOfFixAllIterations = 1;
            test.CodeActionEquivalenceKey = "Declare it in the env manifest";
            test.BatchFixedState.AdditionalFiles.Add(("/0/launchready.env.json", """
                {
                  "variables": {
                    "LOG_LEVEL": { "default": "Information" },
                    "SENDGRID_API_KEY": { "required": true },
                    "Stripe__SecretKey": { "required": true }
                  }
                }

                """.Replace("\r\n", "\n")));
            test.BatchFixedState.Sources.Add(Source.Replace("{|LR0050:", string.Empty).Replace("|}", string.Empty));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task Fix_AddsALineToDotEnvExample_WhenThatIsTheManifest()
        {
            var test = Test();
            test.TestState.AdditionalFiles.Add(("/0/.env.example", "# Copy to .env\nLOG_LEVEL=\n"));
            test.FixedState.AdditionalFiles.Add(("/0/.env.example", "# Copy to .env\nLOG_LEVEL=\nStripe__SecretKey=\nSENDGRID_API_KEY=\n"));
            test.BatchFixedState.AdditionalFiles.Add(("/0/.env.example", "# Copy to .env\nLOG_LEVEL=\nSENDGRID_API_KEY=\nStripe__SecretKey=\n"));
            test.BatchFixedState.Sources.Add(Source.Replace("{|LR0050:", string.Empty).Replace("|}", string.Empty));
            test.NumberOfFixAllIterations = 1;
            await test.RunAsync(CancellationToken.None);
        }
    }
}
