using System.Threading;
using System.Threading.Tasks;
using LaunchReady.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace LaunchReady.Analyzers.Tests.Secrets
{
    public class HardcodedSecretFixerTests
    {
        private static CSharpCodeFixTest<LaunchReady.Analyzers.Secrets.HardcodedSecretAnalyzer, LaunchReady.CodeFixes.Secrets.HardcodedSecretFixer, DefaultVerifier> Test(string source, string fixedSource) =>
            new() { TestCode = source, FixedCode = fixedSource, ReferenceAssemblies = TestReferences.AspNet80 };

        [Fact]
        public async Task SecretNamedField_ReadsTheEnvironmentInstead()
        {
            await Test(
                """
                using System;

                public class PaymentsClient
                {
                    private readonly string _apiSecret = "{|LR0002:f3c9a1d7e2b8465c9d0e|}";
                }
                """,
                """
                using System;

                public class PaymentsClient
                {
                    private readonly string _apiSecret = Environment.GetEnvironmentVariable("API_SECRET") ?? throw new InvalidOperationException("Environment variable API_SECRET is not set");
                }
                """).RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task ConstField_BecomesStaticReadonly()
        {
            await Test(
                """
                public class Smtp
                {
                    public const string Password = "{|LR0002:Hn5$Jk8#Lp2!|}";
                }
                """,
                """
                public class Smtp
                {
                    public static readonly string Password = System.Environment.GetEnvironmentVariable("PASSWORD") ?? throw new System.InvalidOperationException("Environment variable PASSWORD is not set");
                }
                """).RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task ConfigurationInScope_IsUsed()
        {
            await Test(
                """
                using System.Net;
                using Microsoft.Extensions.Configuration;

                public class Mailer(IConfiguration configuration)
                {
                    public NetworkCredential Credential() => new NetworkCredential("mailer", "{|LR0002:Xk9#mP2$vL7q|}");
                }
                """,
                """
                using System.Net;
                using Microsoft.Extensions.Configuration;

                public class Mailer(IConfiguration configuration)
                {
                    public NetworkCredential Credential() => new NetworkCredential("mailer", configuration["PASSWORD"] ?? throw new System.InvalidOperationException("Configuration value PASSWORD is not set"));
                }
                """).RunAsync(CancellationToken.None);
        }

        private const string ExpectedManifest =
            "{\n  \"variables\": {\n"
            + "    \"LOG_LEVEL\": { \"default\": \"Information\" },\n"
            + "    \"SMTP_PASSWORD\": { \"description\": \"Moved out of source code: set it in user secrets or the environment\", \"secret\": true, \"required\": true },\n"
            + "    \"WEBHOOK_SECRET\": { \"description\": \"Moved out of source code: set it in user secrets or the environment\", \"secret\": true, \"required\": true }\n"
            + "  }\n}\n";

        [Fact]
        public async Task FixAll_RewritesEveryLiteral_AndDeclaresThemInTheManifest()
        {
            var test = Test(
                """
                public class Keys
                {
                    private readonly string _smtpPassword = "{|LR0002:Hn5$Jk8#Lp2!|}";
                    private readonly string _webhookSecret = "{|LR0002:J9x!Lm3#Qp8$Vz2&Tk6|}";
                }
                """,
                """
                public class Keys
                {
                    private readonly string _smtpPassword = System.Environment.GetEnvironmentVariable("SMTP_PASSWORD") ?? throw new System.InvalidOperationException("Environment variable SMTP_PASSWORD is not set");
                    private readonly string _webhookSecret = System.Environment.GetEnvironmentVariable("WEBHOOK_SECRET") ?? throw new System.InvalidOperationException("Environment variable WEBHOOK_SECRET is not set");
                }
                """);
            test.TestState.AdditionalFiles.Add(("/0/launchready.env.json", "{\n  \"variables\": {\n    \"LOG_LEVEL\": { \"default\": \"Information\" }\n  }\n}\n"));
            test.FixedState.AdditionalFiles.Add(("/0/launchready.env.json", ExpectedManifest));
            test.NumberOfFixAllIterations = 1;
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task AttributeArguments_OfferNoFix()
        {
            const string source = """
                using System;

                [AttributeUsage(AttributeTargets.Class)]
                public sealed class SignedAttribute(string signingKey) : Attribute { }

                [Signed("{|LR0002:J9x!Lm3#Qp8$Vz2&Tk6|}")]
                public class Webhook { }
                """;
            await Test(source, source).RunAsync(CancellationToken.None);
        }
    }
}
