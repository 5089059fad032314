using System;
using System.Threading.Tasks;
using LaunchReady.Detection;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = LaunchReady.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LaunchReady.Analyzers.Secrets.HardcodedSecretAnalyzer>;
using VerifyConfig = LaunchReady.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LaunchReady.Analyzers.Secrets.ConfigFileSecretAnalyzer>;

namespace LaunchReady.Analyzers.Tests.Secrets
{
    /// <summary>Realistic code found to be misreported in review, kept as regression tests.</summary>
    public class SecretRegressionTests
    {
        [Fact]
        public async Task KeysRoutesCodesPathsAndPatterns_NamedLikeSecrets_AreNotCredentials()
        {
            var source = """
                using System;
                using Microsoft.Extensions.DependencyInjection;

                public static class Names
                {
                    public const string RefreshToken = "auth/refresh-token";
                    public const string RevokeToken = "api/v1/tokens/revoke";
                    public const string ApiKeys = "api/v2/api-keys";
                    public const string InvalidToken = "AUTH_001";
                    public const string InvalidCredentials = "USR-4010";
                    public const string MissingApiKey = "E_APIKEY_401";
                    public const string AccessToken = "access_token:{0}";
                    public const string CachedRefreshToken = "refresh-token:v2";
                    public const string ApiKey = "Auth0:ApiKey";
                    public const string HeaderApiKey = "X-Api-Key-V2";
                    public const string AntiforgeryToken = ".AspNetCore.Af.v2";
                    public const string GoogleCredentials = "credentials/firebase-sa.json";
                    public const string ServerPem = "certs/server-2024.pem";
                    public const string Password = @"^(?=.*[a-z])(?=.*[A-Z])(?=.*\d).{8,64}$";
                    public const string DefaultPassword = "Pa\u0024\u0024w0rd";
                    public const string SeedPassword = "Pass@word1";

                    public static void Register(IServiceCollection services, IServiceProvider provider)
                    {
                        services.AddKeyedSingleton<object>("storage-v2", (sp, k) => new object());
                        provider.GetRequiredKeyedService<object>("cache-l2");
                        Environment.SetEnvironmentVariable("GOOGLE_APPLICATION_CREDENTIALS", "keys/service-account.json");
                        var local = "Server=localhost,1433;Database=Catalog;User Id=sa;Password=Str0ngPa55!;TrustServerCertificate=true";
                    }
                }
                """;
            await VerifyCS.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task SigningKeysThroughGetBytes_JwtKeyPaths_RedisPasswords_AndGluedNames_AreReported()
        {
            var source = """
                using System;
                using System.Collections.Generic;
                using System.Security.Cryptography;
                using System.Text;

                public static class Keys
                {
                    public static void Use(IDictionary<string, string?> config)
                    {
                        var hmac = new HMACSHA256(Encoding.UTF8.GetBytes("{|#0:q8Zr2Lk9Xv4Np7Ws3Jd6Hf1Tb5Mc0Ge|}"));
                        config["Jwt:Key"] = "{|#1:Vf7Kp2Qz9Lm4Xr8Tn3Wb6Hd1Sj5Gc0Ya|}";
                        var pair = new KeyValuePair<string, string?>("Smtp:Password", "{|#2:Hn5$Jk8#Lp2!qW|}");
                        var redis = "shop.redis.cache.windows.net:6380,password={|#3:Rk4Lm9Qx2Vz7Wp3Tn8Hb5Jd0Sf6Gc1Ya|},ssl=True,abortConnect=False";
                    }

                    public const string PGPASSWORD = "{|#4:Kp9#mW2$vL7qZ4|}";
                    public const string WebPubSubAccessKey = "{|#5:Mq3Lr8Xv2Kz7Np4Wt9Hd6Sb1Jf5Gc0Ye|}";
                }
                """;
            await VerifyCS.VerifyAnalyzerAsync(
                source,
                Generic(0, "'SigningKey'", "q8Zr2Lk9Xv4Np7Ws3Jd6Hf1Tb5Mc0Ge"),
                Generic(1, "'Jwt:Key'", "Vf7Kp2Qz9Lm4Xr8Tn3Wb6Hd1Sj5Gc0Ya"),
                Generic(2, "'Smtp:Password'", "Hn5$Jk8#Lp2!qW"),
                Generic(3, "The connection string", "Rk4Lm9Qx2Vz7Wp3Tn8Hb5Jd0Sf6Gc1Ya"),
                Generic(4, "'PGPASSWORD'", "Kp9#mW2$vL7qZ4"),
                Generic(5, "'WebPubSubAccessKey'", "Mq3Lr8Xv2Kz7Np4Wt9Hd6Sb1Jf5Gc0Ye"));
        }

        [Fact]
        public async Task LiteralAuthorizationHeaders_AreCredentials()
        {
            var source = """
                using System.Net.Http;
                using System.Net.Http.Headers;

                public static class Partner
                {
                    public static void Authorize(HttpClient client)
                    {
                        client.DefaultRequestHeaders.Add("Authorization", "Bearer {|#0:Tz8Kq3Lm7Xv2Np9Wr4Hd6Sb1Jf5Gc0Ye|}");
                        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "{|#1:Wq2Lp7Xz4Kv9Nm3Tr8Hd5Sb1Jf6Gc0Ya|}");
                        client.DefaultRequestHeaders.Add("Accept", "application/json");
                        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "{token}");
                    }
                }
                """;
            await VerifyCS.VerifyAnalyzerAsync(
                source,
                Generic(0, "'Authorization'", "Tz8Kq3Lm7Xv2Np9Wr4Hd6Sb1Jf5Gc0Ye"),
                Generic(1, "'AuthorizationToken'", "Wq2Lp7Xz4Kv9Nm3Tr8Hd5Sb1Jf6Gc0Ya"));
        }

        [Fact]
        public async Task ProviderKeyInAComparison_IsStillReported()
        {
            var key = "sk_live_" + FakeTokens.R(new Random(3), FakeTokens.Alnum, 32);
            var source = $$"""
                public static class Guard
                {
                    public static bool IsOurs(string k) => k == "{|#0:{{key}}|}";
                }
                """;
            await VerifyCS.VerifyAnalyzerAsync(
                source,
                VerifyCS.Diagnostic("LR0001").WithLocation(0).WithArguments("Stripe live secret or restricted key", RedactedSecret.Of(key).ToString()));
        }

        [Fact]
        public async Task DataUris_AreNotTokens()
        {
            var blob = "data:image/png;base64,AAAAAAAAAAAAAAAAAAAAA" + FakeTokens.R(new Random(4), FakeTokens.Alnum, 40) + "%3D" + FakeTokens.R(new Random(5), FakeTokens.Alnum, 40);
            await VerifyCS.VerifyAnalyzerAsync($$"""public static class Images { public const string Placeholder = "{{blob}}"; }""");
        }

        [Fact]
        public async Task WebConfigElementsBeyondAdd_AndLocalEnvFiles()
        {
            var web = """
                <configuration>
                  <system.webServer>
                    <aspNetCore processPath="dotnet">
                      <environmentVariables>
                        <environmentVariable name="Smtp__Password" value="Hn5$Jk8#Lp2!qW" />
                      </environmentVariables>
                    </aspNetCore>
                  </system.webServer>
                  <system.net>
                    <mailSettings><smtp><network host="smtp.shop.com" userName="mailer" password="Qz7!rT4@wN8e" /></smtp></mailSettings>
                  </system.net>
                </configuration>
                """;
            var env = "DB_CONN=Host=localhost;Username=app;Password=LocalDev#2024\n";
            var test = new VerifyConfig.Test { TestCode = "public class Empty { }" };
            test.TestState.AdditionalFiles.Add(("/app/web.config", web));
            test.TestState.AdditionalFiles.Add(("/app/.env.development.local", env));
            test.ExpectedDiagnostics.Add(Config("/app/web.config", web, "Hn5$Jk8#Lp2!qW", "Smtp__Password"));
            test.ExpectedDiagnostics.Add(Config("/app/web.config", web, "Qz7!rT4@wN8e", "password"));
            await test.RunAsync();
        }

        private static DiagnosticResult Generic(int location, string subject, string value) =>
            VerifyCS.Diagnostic("LR0002").WithLocation(location).WithArguments(subject, RedactedSecret.Of(value).ToString());

        private static DiagnosticResult Config(string path, string content, string secret, string name)
        {
            var offset = content.IndexOf(secret, StringComparison.Ordinal);
            var line = content.Substring(0, offset).Split('\n').Length;
            var column = offset - content.LastIndexOf('\n', offset - 1);
            return VerifyConfig.Diagnostic("LR0003")
                .WithSpan(path, line, column, line, column + secret.Length)
                .WithArguments(name, System.IO.Path.GetFileName(path), "a hard-coded credential", RedactedSecret.Of(secret).ToString());
        }
    }
}
