using System;
using System.Linq;
using System.Threading.Tasks;
using LaunchReady.Analyzers.Secrets;
using LaunchReady.Detection;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = LaunchReady.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LaunchReady.Analyzers.Secrets.HardcodedSecretAnalyzer>;

namespace LaunchReady.Analyzers.Tests.Secrets
{
    public class HardcodedSecretAnalyzerTests
    {
        private static readonly Random Random = new Random(20261122);

        private static string Stripe() => "sk_live_" + FakeTokens.R(Random, FakeTokens.Alnum, 40);

        private static string GitHub() => FakeTokens.GitHubStyle(Random, "ghp_");

        private static DiagnosticResult Lr0001(int location, string provider, string token) =>
            VerifyCS.Diagnostic("LR0001").WithLocation(location).WithArguments(provider, RedactedSecret.Of(token).ToString());

        [Fact]
        public void Descriptors_AreErrorAndWarning()
        {
            Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Error, HardcodedSecretAnalyzer.ProviderSecretRule.DefaultSeverity);
            Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, HardcodedSecretAnalyzer.GenericSecretRule.DefaultSeverity);
        }

        [Fact]
        public async Task ProviderKeys_AreFoundWhereverLiteralsHide()
        {
            var t = Enumerable.Range(0, 12).Select(_ => Stripe()).ToArray();
            var source = $$""""
                using System;
                using System.Collections.Generic;
                using System.Net;

                [AttributeUsage(AttributeTargets.Class)]
                public sealed class KeyAttribute(string key) : Attribute { }

                [Key("{|#0:{{t[0]}}|}")]
                public class Payments
                {
                    private const string Key = "{|#1:{{t[1]}}|}";
                    private static readonly string Verbatim = @"{|#2:{{t[2]}}|}";
                    private static readonly string Raw = """{|#3:{{t[3]}}|}""";
                    private static readonly byte[] Utf8 = "{|#4:{{t[4]}}|}"u8.ToArray();
                    private static readonly string Header = $"Bearer {|#5:{{t[5]}}|} for {Environment.MachineName}";
                    private static readonly string Folded = {|#6:"{{t[6].Substring(0, 20)}}" + "{{t[6].Substring(20)}}"|};
                    private static readonly string[] Keys = { "{|#7:{{t[7]}}|}" };
                    private static readonly Dictionary<string, string> Settings = new() { ["Stripe"] = "{|#8:{{t[8]}}|}" };
                    private static readonly NetworkCredential Credential = new NetworkCredential("api", "{|#9:{{t[9]}}|}");

                    public static string Pick(string key = "{|#10:{{t[10]}}|}") => key;

                    private const string LivePrefix = "{{t[11].Substring(0, 8)}}";
                    private const string Interpolated = {|#11:$"{LivePrefix}{{t[11].Substring(8)}}"|};
                }
                """";

            await VerifyCS.VerifyAnalyzerAsync(source, t.Select((token, i) => Lr0001(i, "Stripe live secret or restricted key", token)).ToArray());
        }

        [Fact]
        public async Task Message_ShowsOnlyTheRedactedValue()
        {
            var token = GitHub();
            var test = new VerifyCS.Test { TestCode = $$"""public class C { public const string Token = "{|#0:{{token}}|}"; }""" };
            test.ExpectedDiagnostics.Add(Lr0001(0, "GitHub token", token));
            await test.RunAsync();

            var message = HardcodedSecretAnalyzer.ProviderSecretRule.MessageFormat.ToString();
            Assert.DoesNotContain(token, string.Format(message, "GitHub token", RedactedSecret.Of(token)));
        }

        [Fact]
        public async Task ProviderNearMisses_AreNotReported()
        {
            var source = """
                public class Samples
                {
                    public const string StripeTest = "sk_test_4eC39HqLyjWDarjtT1zdp7dc";
                    public const string Publishable = "pk_live_0123456789abcdefghijABCD";
                    public const string AwsDocs = "AKIAIOSFODNN7EXAMPLE";
                    public const string GitHubPlaceholder = "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
                    public const string Prefix = "sk_live_";
                    public const string Route = "/api/keys/sk_live_";
                }
                """;
            await VerifyCS.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task PositionalArguments_AreNamedByTheirParameter()
        {
            var source = """
                using System;

                public static class Calls
                {
                    public static void Run(string text)
                    {
                        Connect("svc-orders", "{|#0:Qz7!rT4@wN8e|}");
                        Rotate("{|#1:Hn5$Jk8#Lp2!Rt|}", "{|#2:Vb3%Nm6^Qw9&Er|}");
                        text.WithToken("{|#3:Zx8Cv4Bn2Mq7Lk5J|}");
                        var id = Guid.Parse("3fa85f64-5717-4562-b3fc-2c963f66afa6");
                        Log("q7Lm2Vx9Rt4Kp8Wz");
                        var same = text.Equals("Wq2Lp7Xz4Kv9Nm3T");
                    }

                    private static void Connect(string user, string password) { }

                    private static void Rotate(params string[] apiKeys) { }

                    private static void WithToken(this string target, string token) { }

                    private static void Log(string message) { }
                }
                """;

            await VerifyCS.VerifyAnalyzerAsync(
                source,
                Generic(0, "'password'", "Qz7!rT4@wN8e"),
                Generic(1, "'apiKeys'", "Hn5$Jk8#Lp2!Rt"),
                Generic(2, "'apiKeys'", "Vb3%Nm6^Qw9&Er"),
                Generic(3, "'token'", "Zx8Cv4Bn2Mq7Lk5J"));
        }

        [Fact]
        public async Task SecretNamedTargets_WithCredentialValues_ReportLR0002()
        {
            var source = """
                using System.Collections.Generic;
                using System.Net;

                public class Settings
                {
                    private const string Password = "{|#0:Tr0ub4dor&3x9Q|}";
                    public string ClientSecret { get; set; } = "{|#1:f3c9a1d7e2b8465c9d0e|}";
                    public string DbPassword = "{|#2:Kp9#mW2$vL7qZ4|}";

                    public void Configure(IDictionary<string, string> config)
                    {
                        var apiKey = "{|#3:9f8e7d6c5b4a3f2e1d0c8b7a|}";
                        var credential = new NetworkCredential("svc-orders", "{|#4:Xk9#mP2$vL7q|}");
                        Login(user: "ops", password: "{|#5:Qz7!rT4@wN8e|}");
                        var body = new { client_secret = "{|#6:a8F3kL9mQ2xV7pR4|}" };
                        config["Jwt:SigningKey"] = "{|#7:J9x!Lm3#Qp8$Vz2&Tk6|}";
                        var more = new Dictionary<string, string> { { "SmtpPassword", "{|#8:Hn5$Jk8#Lp2!|}" } };
                        var connection = "Server=db.shop.com;Database=shop;User Id=app;Password={|#9:Xk9#mP2$vL7qZ|};";
                        var pwd = @"Data Source=db;Pwd='{|#10:W4!eR7#tY2$u|}'";
                    }

                    private static void Login(string user, string password) { }
                }
                """;

            await VerifyCS.VerifyAnalyzerAsync(
                source,
                Generic(0, "'Password'", "Tr0ub4dor&3x9Q"),
                Generic(1, "'ClientSecret'", "f3c9a1d7e2b8465c9d0e"),
                Generic(2, "'DbPassword'", "Kp9#mW2$vL7qZ4"),
                Generic(3, "'apiKey'", "9f8e7d6c5b4a3f2e1d0c8b7a"),
                Generic(4, "'password'", "Xk9#mP2$vL7q"),
                Generic(5, "'password'", "Qz7!rT4@wN8e"),
                Generic(6, "'client_secret'", "a8F3kL9mQ2xV7pR4"),
                Generic(7, "'Jwt:SigningKey'", "J9x!Lm3#Qp8$Vz2&Tk6"),
                Generic(8, "'SmtpPassword'", "Hn5$Jk8#Lp2!"),
                Generic(9, "The connection string", "Xk9#mP2$vL7qZ"),
                Generic(10, "The connection string", "W4!eR7#tY2$u"));
        }

        [Fact]
        public async Task ConstantUsedForASecretNamedParameter_ReportsAtTheUse()
        {
            var source = """
                public class Client
                {
                    private const string Value = "Xk9#mP2$vL7qZ";

                    public void Connect() => Login("ops", {|#0:Value|});

                    private static void Login(string user, string password) { }
                }
                """;
            await VerifyCS.VerifyAnalyzerAsync(source, Generic(0, "'password'", "Xk9#mP2$vL7qZ"));
        }

        [Theory]
        [InlineData("changeme")]
        [InlineData("YOUR_API_KEY")]
        [InlineData("<your-api-key>")]
        [InlineData("${API_KEY}")]
        [InlineData("%API_KEY%")]
        [InlineData("{{apiKey}}")]
        [InlineData("$(ApiKey)")]
        [InlineData("xxxxxxxxxxxx")]
        [InlineData("************")]
        [InlineData("password123")]
        [InlineData("P@ssw0rd1!")]
        [InlineData("super-secret-value")]
        [InlineData("X-Api-Token")]
        [InlineData("/account/reset-password")]
        [InlineData("api_key")]
        [InlineData("abc123")]
        [InlineData("aaaaaaaa1")]
        [InlineData("test-api-key-123")]
        [InlineData("https://auth.shop.com/token")]
        public async Task PlaceholdersNamesAndRoutes_AreNotCredentials(string value)
        {
            var source = $$"""
                public class Settings
                {
                    public string ApiKey { get; set; } = "{{value}}";
                    public const string Password = "{{value}}";
                }
                """;
            await VerifyCS.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task ProseAndNamesThatOnlyMentionASecret_AreNotReported()
        {
            var source = """
                public class AccountOptions
                {
                    public string PasswordPrompt { get; set; } = "Please enter your password";
                    public string PasswordQuestion { get; set; } = "Mother's maiden name?";
                    public string PasswordFormat { get; set; } = "Hashed-PBKDF2-v3";
                    public string PasswordResetRoute { get; set; } = "/identity/reset";
                    public string TokenEndpoint { get; set; } = "https://login.shop.com/oauth2/v2.0/token";
                    public string ApiKeyHeaderName { get; set; } = "X-Api-Key-2024";
                    public string SecretName { get; set; } = "stripe-secret-2024";
                    public string StripePublishableKey { get; set; } = "pk_9f8e7d6c5b4a3f2e1d0c";
                    public string PublicKey { get; set; } = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE";
                    public int TokenLifetimeMinutes { get; set; } = 60;
                    public string TokenType { get; set; } = "Bearer";
                    public string Key { get; set; } = "Orders-2024-v2";
                    public string SqliteConnection { get; set; } = "Data Source=shop.db;Password=";
                    public string LocalConnection { get; set; } = "Host=localhost;Username=postgres;Password=postgres";
                    public string Formatted { get; set; } = "Server=db;Password={0}";
                }
                """;
            await VerifyCS.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task PrefixChecksAndComparedValues_AreNotGenericCredentials()
        {
            var source = """
                public class Guard
                {
                    public static bool IsLive(string key) => key.StartsWith("sk_live_");

                    public static bool IsKnown(string password) => password.Equals("Xk9#mP2$vL7qZ");
                }
                """;
            await VerifyCS.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task TestCode_IsSkippedByDefault_AndIncludedOnRequest()
        {
            var token = Stripe();
            var source = $$"""public class Fixture { public const string Key = "{{token}}"; }""";
            await new VerifyCS.Test { TestCode = source }.WithBuildProperties("build_property.IsTestProject = true").RunAsync();

            var included = new VerifyCS.Test { TestCode = source.Replace(token, "{|#0:" + token + "|}") }
                .WithBuildProperties("build_property.IsTestProject = true\nlaunchready.include_test_code = true");
            included.ExpectedDiagnostics.Add(Lr0001(0, "Stripe live secret or restricted key", token));
            await included.RunAsync();
        }

        [Fact]
        public async Task AllowedFingerprints_SilenceReviewedFindings()
        {
            var accepted = Stripe();
            var other = Stripe();
            var test = new VerifyCS.Test
            {
                TestCode = $$"""
                    public class Keys
                    {
                        public const string Accepted = "{{accepted}}";
                        public const string Other = "{|#0:{{other}}|}";
                    }
                    """,
            }.WithEditorConfig("launchready.secrets.allowed_fingerprints = " + RedactedSecret.Of(accepted).Fingerprint);
            test.ExpectedDiagnostics.Add(Lr0001(0, "Stripe live secret or restricted key", other));
            await test.RunAsync();
        }

        [Fact]
        public async Task WordListsAndThresholds_AreConfigurable()
        {
            var test = new VerifyCS.Test
            {
                TestCode = """
                    public class Settings
                    {
                        public string DeviceOtp { get; set; } = "{|#0:Xk9#mP2$vL7q|}";
                        public string LegacyPassword { get; set; } = "Xk9#mP2$vL7q";
                        public string Password { get; set; } = "Kp9#mW2$vL";
                    }
                    """,
            }.WithEditorConfig("launchready.secrets.secret_words = otp\nlaunchready.secrets.non_secret_words = legacy\nlaunchready.secrets.min_length = 12");
            test.ExpectedDiagnostics.Add(Generic(0, "'DeviceOtp'", "Xk9#mP2$vL7q"));
            await test.RunAsync();
        }

        private static DiagnosticResult Generic(int location, string subject, string value) =>
            VerifyCS.Diagnostic("LR0002").WithLocation(location).WithArguments(subject, RedactedSecret.Of(value).ToString());
    }
}
