using System;
using System.Linq;
using System.Threading.Tasks;
using LaunchReady.Detection;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = LaunchReady.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LaunchReady.Analyzers.Secrets.ConfigFileSecretAnalyzer>;

namespace LaunchReady.Analyzers.Tests.Secrets
{
    public class ConfigFileSecretAnalyzerTests
    {
        private static readonly Random Random = new Random(7);

        private static VerifyCS.Test WithFiles(params (string Path, string Content)[] files)
        {
            var test = new VerifyCS.Test { TestCode = "public class Empty { }" };
            foreach (var file in files)
            {
                test.TestState.AdditionalFiles.Add(file);
            }

            return test;
        }

        private static DiagnosticResult At(string path, string content, string secret, string name, string what) =>
            At(path, content, secret, name, what, RedactedSecret.Of(secret));

        private static DiagnosticResult At(string path, string content, string secret, string name, string what, RedactedSecret redacted)
        {
            var offset = content.IndexOf(secret, StringComparison.Ordinal);
            var line = content.Substring(0, offset).Split('\n').Length;
            var column = offset - content.LastIndexOf('\n', Math.Max(0, offset - 1)) ;
            if (content.LastIndexOf('\n', Math.Max(0, offset - 1)) < 0)
            {
                column = offset + 1;
            }

            return VerifyCS.Diagnostic("LR0003")
                .WithSpan(path, line, column, line, column + secret.Length)
                .WithArguments(name, System.IO.Path.GetFileName(path), what, redacted.ToString());
        }

        [Fact]
        public async Task AppSettings_ReportsProviderKeysSecretNamedValuesAndPasswords_WithTheirJsonPath()
        {
            var stripe = "sk_live_" + FakeTokens.R(Random, FakeTokens.Alnum, 40);
            var json = $$"""
                {
                  "Logging": { "LogLevel": { "Default": "Information" } },
                  "Stripe": { "SecretKey": "{{stripe}}", "PublishableKey": "pk_live_9f8e7d6c5b4a3f2e1d0c" },
                  "Smtp": { "Host": "smtp.shop.com", "Password": "Hn5$Jk8#Lp2!" },
                  "ConnectionStrings": { "Shop": "Server=db.shop.com;Database=shop;User Id=app;Password=Xk9#mP2$vL7qZ" },
                  "Jwt": { "Issuer": "shop", "SigningKey": "changeme" },
                  "FeatureFlags": { "TokenLifetime": "00:30:00" },
                  "Serilog": { "WriteTo": [ { "Name": "Console" }, { "Name": "Seq", "Args": { "apiKey": "Qm7vT2xL9pR4wZ8k" } } ] },
                  "ApiKeys": [ "public-demo", "Ht6#pW3zQ8mK1vR5" ],
                  "Mail": { "Password": "Wq4\/Lm8!Xz2Kp7" }
                }
                """;
            var test = WithFiles(("/app/appsettings.json", json));
            test.ExpectedDiagnostics.Add(At("/app/appsettings.json", json, "Qm7vT2xL9pR4wZ8k", "Serilog:WriteTo:1:Args:apiKey", "a hard-coded credential"));
            test.ExpectedDiagnostics.Add(At("/app/appsettings.json", json, "Ht6#pW3zQ8mK1vR5", "ApiKeys:1", "a hard-coded credential"));

            // Written with a JSON escape: measured and fingerprinted as the value it reads as, reported over what is written.
            test.ExpectedDiagnostics.Add(At("/app/appsettings.json", json, "Wq4\\/Lm8!Xz2Kp7", "Mail:Password", "a hard-coded credential", RedactedSecret.Of("Wq4/Lm8!Xz2Kp7")));
            test.ExpectedDiagnostics.Add(At("/app/appsettings.json", json, stripe, "Stripe:SecretKey", "a hard-coded Stripe live secret or restricted key"));
            test.ExpectedDiagnostics.Add(At("/app/appsettings.json", json, "Hn5$Jk8#Lp2!", "Smtp:Password", "a hard-coded credential"));
            test.ExpectedDiagnostics.Add(At("/app/appsettings.json", json, "Xk9#mP2$vL7qZ", "ConnectionStrings:Shop", "a connection string with a hard-coded password"));
            await test.RunAsync();
        }

        [Fact]
        public async Task DevelopmentSettings_AcceptLocalDatabasePasswords_ButNotProviderKeys()
        {
            var github = FakeTokens.GitHubStyle(Random, "ghp_");
            var json = $$"""
                {
                  "ConnectionStrings": {
                    "Shop": "Host=localhost;Database=shop;Username=app;Password=LocalDev#2024",
                    "Sql": "Server=(localdb)\\mssqllocaldb;Database=Shop;User Id=sa;Password=Str0ng!Pass#1",
                    "Remote": "Host=db.staging.shop.com;Database=shop;Password=Xk9#mP2$vL7qZ"
                  },
                  "GitHub": { "Token": "{{github}}" }
                }
                """;
            var test = WithFiles(("/app/appsettings.Development.json", json));
            test.ExpectedDiagnostics.Add(At("/app/appsettings.Development.json", json, "Xk9#mP2$vL7qZ", "ConnectionStrings:Remote", "a connection string with a hard-coded password"));
            test.ExpectedDiagnostics.Add(At("/app/appsettings.Development.json", json, github, "GitHub:Token", "a hard-coded GitHub token"));
            await test.RunAsync();

            var strict = WithFiles(("/app/appsettings.Development.json", json)).WithEditorConfig("launchready.secrets.report_local_development_passwords = true");
            strict.TestState.AnalyzerConfigFiles.Clear();
            strict.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nlaunchready.secrets.report_local_development_passwords = true\n"));
            strict.ExpectedDiagnostics.Add(At("/app/appsettings.Development.json", json, "LocalDev#2024", "ConnectionStrings:Shop", "a connection string with a hard-coded password"));
            strict.ExpectedDiagnostics.Add(At("/app/appsettings.Development.json", json, "Str0ng!Pass#1", "ConnectionStrings:Sql", "a connection string with a hard-coded password"));
            strict.ExpectedDiagnostics.Add(At("/app/appsettings.Development.json", json, "Xk9#mP2$vL7qZ", "ConnectionStrings:Remote", "a connection string with a hard-coded password"));
            strict.ExpectedDiagnostics.Add(At("/app/appsettings.Development.json", json, github, "GitHub:Token", "a hard-coded GitHub token"));
            await strict.RunAsync();
        }

        [Fact]
        public async Task LaunchSettings_EnvironmentVariables_AreChecked()
        {
            var openAi = "sk-proj-" + FakeTokens.R(Random, FakeTokens.UrlSafe, 60) + "T3BlbkFJ" + FakeTokens.R(Random, FakeTokens.UrlSafe, 60);
            var json = $$"""
                {
                  "profiles": {
                    "Shop": {
                      "commandName": "Project",
                      "applicationUrl": "http://localhost:5080",
                      "environmentVariables": {
                        "ASPNETCORE_ENVIRONMENT": "Development",
                        "OPENAI_API_KEY": "{{openAi}}",
                        "PAYMENTS_CLIENT_SECRET": "a8F3kL9mQ2xV7pR4"
                      }
                    }
                  }
                }
                """;
            var path = "/app/Properties/launchSettings.json";
            var test = WithFiles((path, json));
            test.ExpectedDiagnostics.Add(At(path, json, openAi, "profiles:Shop:environmentVariables:OPENAI_API_KEY", "a hard-coded OpenAI API key"));
            test.ExpectedDiagnostics.Add(At(path, json, "a8F3kL9mQ2xV7pR4", "profiles:Shop:environmentVariables:PAYMENTS_CLIENT_SECRET", "a hard-coded credential"));
            await test.RunAsync();
        }

        [Fact]
        public async Task DotEnvMultiLineQuotedValues_AreReadWhole()
        {
            // dotenv lets a double-quoted value run over several lines, which is how a PEM key is usually pasted in.
            var body = string.Concat(Enumerable.Range(0, 4).Select(_ => FakeTokens.R(Random, FakeTokens.Base64, 64) + "\n"));
            var pem = "-----BEGIN RSA PRIVATE KEY-----\n" + body + "-----END RSA PRIVATE KEY-----";
            var env = "APP_NAME=shop\nSIGNING_KEY=\"" + pem + "\"\nDB_PASSWORD=\"Kp9#mW2$vL7qZ4\"\nLOG_LEVEL=Information\n";
            var test = WithFiles(("/app/.env", env));
            // From the BEGIN line (2, after SIGNING_KEY=") to the end of the END line (7), and the next entry still read.
            test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("LR0003")
                .WithSpan("/app/.env", 2, 14, 7, 30)
                .WithArguments("SIGNING_KEY", ".env", "a hard-coded private key", RedactedSecret.Of(pem).ToString()));
            test.ExpectedDiagnostics.Add(At("/app/.env", env, "Kp9#mW2$vL7qZ4", "DB_PASSWORD", "a hard-coded credential"));
            await test.RunAsync();
        }

        [Fact]
        public async Task DotEnvFiles_AreChecked_AndTemplatesOnlyForRealKeys()
        {
            var sendgrid = "SG." + FakeTokens.R(Random, FakeTokens.UrlSafe, 22) + "." + FakeTokens.R(Random, FakeTokens.UrlSafe, 43);
            var env = $$"""
                # Shop settings
                export SENDGRID_API_KEY={{sendgrid}}
                DB_PASSWORD="Kp9#mW2$vL7qZ4"
                LOG_LEVEL=Information
                SESSION_SECRET=changeme
                """;
            var template = """
                SENDGRID_API_KEY=
                DB_PASSWORD=Kp9#mW2$vL7qZ4
                JWT_SECRET=<generate-one>
                """;
            var test = WithFiles(("/app/.env", env), ("/app/.env.example", template));
            test.ExpectedDiagnostics.Add(At("/app/.env", env, sendgrid, "SENDGRID_API_KEY", "a hard-coded SendGrid API key"));
            test.ExpectedDiagnostics.Add(At("/app/.env", env, "Kp9#mW2$vL7qZ4", "DB_PASSWORD", "a hard-coded credential"));
            await test.RunAsync();
        }

        [Fact]
        public async Task XmlConfigFiles_AppSettingsConnectionStringsAndNuGetCredentials_AreChecked()
        {
            var web = """
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <appSettings>
                    <add key="PaymentApiKey" value="9f8e7d6c5b4a3f2e1d0c8b7a" />
                    <add key="PaymentApiUrl" value="https://pay.shop.com" />
                  </appSettings>
                  <connectionStrings>
                    <add name="Shop" connectionString="Data Source=sql.shop.com;Initial Catalog=Shop;User ID=app;Password=W4!eR7#tY2$u" providerName="System.Data.SqlClient" />
                  </connectionStrings>
                </configuration>
                """;
            var nuget = """
                <configuration>
                  <packageSourceCredentials>
                    <private>
                      <add key="Username" value="ci" />
                      <add key="ClearTextPassword" value="Qz7!rT4@wN8e" />
                    </private>
                  </packageSourceCredentials>
                </configuration>
                """;
            var test = WithFiles(("/app/web.config", web), ("/app/nuget.config", nuget));
            test.ExpectedDiagnostics.Add(At("/app/web.config", web, "9f8e7d6c5b4a3f2e1d0c8b7a", "PaymentApiKey", "a hard-coded credential"));
            test.ExpectedDiagnostics.Add(At("/app/web.config", web, "W4!eR7#tY2$u", "Shop", "a connection string with a hard-coded password"));
            test.ExpectedDiagnostics.Add(At("/app/nuget.config", nuget, "Qz7!rT4@wN8e", "ClearTextPassword", "a hard-coded credential"));
            await test.RunAsync();
        }

        [Fact]
        public async Task TestProjectsAndUnrelatedFiles_AreSkipped()
        {
            var json = "{ \"Smtp\": { \"Password\": \"Hn5$Jk8#Lp2!\" } }";
            await WithFiles(("/app/appsettings.json", json)).WithBuildProperties("build_property.IsTestProject = true").RunAsync();
            await WithFiles(("/app/data/seed.json", json), ("/app/notes.txt", "Password=Hn5$Jk8#Lp2!")).RunAsync();
        }

        [Theory]
        [InlineData("{ \"Smtp\": { \"Password\": \"Hn5$")]
        [InlineData("\u0000\u0001binary\u0000Password=Hn5$Jk8#Lp2!")]
        [InlineData("<add key=\"Password\" value=\"unterminated")]
        [InlineData("=\n=\nexport \n\"\n")]
        public async Task BrokenFiles_DoNotCrash(string content)
        {
            await WithFiles(("/app/appsettings.Production.json", content), ("/app/.env", content), ("/app/web.config", content)).RunAsync();
        }
    }
}
