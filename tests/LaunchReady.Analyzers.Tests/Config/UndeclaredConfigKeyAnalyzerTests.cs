using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = LaunchReady.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LaunchReady.Analyzers.Config.UndeclaredConfigKeyAnalyzer>;

namespace LaunchReady.Analyzers.Tests.Config
{
    public class UndeclaredConfigKeyAnalyzerTests
    {
        private const string Manifest = """
            {
              "environments": ["Development", "Production"],
              "variables": {
                "STRIPE_SECRET_KEY": { "secret": true, "required": true },
                "ConnectionStrings__Shop": { "secret": true, "required": ["Production"] },
                "Smtp__Host": { "required": true },
                "Smtp__Port": { "default": "587" }
              }
            }
            """;

        private const string Usings = """
            using System;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;

            """;

        private static VerifyCS.Test Test(string code, params (string Path, string Content)[] files)
        {
            var test = new VerifyCS.Test { TestCode = Usings + code };
            foreach (var file in files)
            {
                test.TestState.AdditionalFiles.Add(file);
            }

            return test;
        }

        private static DiagnosticResult Undeclared(int markup, string what, string key, string missing, string manifest = "launchready.env.json") =>
            VerifyCS.Diagnostic("LR0050").WithLocation(markup).WithArguments(what, key, manifest, missing);

        [Fact]
        public async Task UndeclaredReads_AreReportedAtTheKey_ForEveryReadShape()
        {
            var code = """
                public class Startup
                {
                    public void Configure(IConfiguration configuration, IServiceCollection services)
                    {
                        var stripe = Environment.GetEnvironmentVariable("STRIPE_SECRET_KEY");
                        var sendGrid = Environment.GetEnvironmentVariable({|#0:"SENDGRID_API_KEY"|});
                        var host = configuration["Smtp:Host"];
                        var user = configuration[{|#1:"Smtp:User"|}];
                        var port = configuration.GetValue<int>("Smtp:Port");
                        var retries = configuration.GetValue<int>({|#2:"Smtp:Retries"|}, 3);
                        var shop = configuration.GetConnectionString("Shop");
                        var cache = configuration.GetConnectionString({|#3:"Redis"|});
                        var smtp = configuration.GetSection("Smtp").Value;
                        var billing = configuration.GetSection({|#4:"Billing"|});
                        configuration.Bind({|#5:"Features"|}, new object());
                        services.AddOptions<object>().BindConfiguration({|#6:"Payments"|});
                    }
                }
                """;
            var test = Test(code, ("/app/launchready.env.json", Manifest));
            test.ExpectedDiagnostics.Add(Undeclared(0, "Environment variable", "SENDGRID_API_KEY", "'SENDGRID_API_KEY'"));
            test.ExpectedDiagnostics.Add(Undeclared(1, "Configuration key", "Smtp:User", "'Smtp__User'"));
            test.ExpectedDiagnostics.Add(Undeclared(2, "Configuration key", "Smtp:Retries", "'Smtp__Retries'"));
            test.ExpectedDiagnostics.Add(Undeclared(3, "Configuration key", "ConnectionStrings:Redis", "'ConnectionStrings__Redis'"));
            test.ExpectedDiagnostics.Add(Undeclared(4, "Configuration section", "Billing", "anything under 'Billing'"));
            test.ExpectedDiagnostics.Add(Undeclared(5, "Configuration section", "Features", "anything under 'Features'"));
            test.ExpectedDiagnostics.Add(Undeclared(6, "Configuration section", "Payments", "anything under 'Payments'"));
            await test.RunAsync();
        }

        [Fact]
        public async Task SectionChains_AreCheckedAsOneFullKey()
        {
            var code = """
                public class Mail
                {
                    public string? Read(IConfiguration configuration)
                    {
                        var smtp = configuration.GetSection("Smtp");
                        var host = configuration.GetSection("Smtp")["Host"];
                        var port = configuration.GetSection("Smtp").GetValue<int>("Port");
                        return configuration.GetSection("Smtp")[{|#0:"Password"|}];
                    }
                }
                """;
            var test = Test(code, ("/app/launchready.env.json", Manifest));
            test.ExpectedDiagnostics.Add(Undeclared(0, "Configuration key", "Smtp:Password", "'Smtp__Password'"));
            await test.RunAsync();
        }

        [Fact]
        public async Task ASectionKeptInALocal_IsFollowed_UnlessTheLocalChanges()
        {
            var code = """
                public class Mail
                {
                    public string? Read(IConfiguration configuration, bool other, string tenant)
                    {
                        var smtp = configuration.GetSection("Smtp");
                        var host = smtp["Host"];
                        var port = smtp.GetValue<int>("Port");
                        var user = smtp[{|#0:"User"|}];
                        IConfigurationSection billing = configuration.GetSection({|#1:"Billing"|});
                        var plan = billing[{|#2:"Plan"|}];

                        // Reassigned: which section it holds is not known here.
                        var moving = configuration.GetSection("Smtp");
                        if (other)
                        {
                            moving = configuration.GetSection(tenant);
                        }

                        return moving["Anything"];
                    }
                }
                """;
            var test = Test(code, ("/app/launchready.env.json", Manifest));
            test.ExpectedDiagnostics.Add(Undeclared(0, "Configuration key", "Smtp:User", "'Smtp__User'"));
            test.ExpectedDiagnostics.Add(Undeclared(1, "Configuration section", "Billing", "anything under 'Billing'"));
            test.ExpectedDiagnostics.Add(Undeclared(2, "Configuration key", "Billing:Plan", "'Billing__Plan'"));
            await test.RunAsync();
        }

        [Fact]
        public async Task NullConditionalReads_AreCheckedLikeTheirPlainForms()
        {
            var code = """
                public class Mail
                {
                    public string? Read(IConfiguration? configuration)
                    {
                        var host = configuration?["Smtp:Host"];
                        var user = configuration?[{|#0:"Smtp:User"|}];
                        IConfiguration? smtp = configuration?.GetSection("Smtp");
                        var port = smtp?["Port"];
                        var password = smtp?[{|#1:"Password"|}];
                        var chained = configuration?.GetSection("Smtp")?["Host"];
                        return configuration?.GetSection("Billing")?[{|#2:"Plan"|}];
                    }
                }
                """;
            var test = Test(code, ("/app/launchready.env.json", Manifest));
            test.ExpectedDiagnostics.Add(Undeclared(0, "Configuration key", "Smtp:User", "'Smtp__User'"));
            test.ExpectedDiagnostics.Add(Undeclared(1, "Configuration key", "Smtp:Password", "'Smtp__Password'"));
            test.ExpectedDiagnostics.Add(Undeclared(2, "Configuration key", "Billing:Plan", "'Billing__Plan'"));
            await test.RunAsync();
        }

        [Fact]
        public async Task KeysBuiltAtRunTime_SectionsHandedIn_AndWrites_AreNotReported()
        {
            var code = """
                public class Dynamic
                {
                    public void Read(IConfiguration configuration, IConfigurationSection section, IConfiguration smtpSection, string tenant)
                    {
                        var a = configuration[$"Tenants:{tenant}:ApiKey"];
                        var b = Environment.GetEnvironmentVariable("TENANT_" + tenant);
                        var c = section["Anything"];
                        var d = smtpSection["Host"];
                        configuration["Cache:Enabled"] = "true";
                        var e = configuration.GetSection(tenant).GetValue<string>("Key");
                    }
                }
                """;
            await Test(code, ("/app/launchready.env.json", Manifest)).RunAsync();
        }

        [Fact]
        public async Task KeysWithAValueInCommittedSettings_PlatformVariables_AndIgnoredKeys_AreNotReported()
        {
            var code = """
                public class Settings
                {
                    public void Read(IConfiguration configuration)
                    {
                        var level = configuration["Logging:LogLevel:Default"];
                        var timeout = configuration.GetValue<int>("Http:TimeoutSeconds");
                        var features = configuration.GetSection("Features");
                        var environment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT");
                        var hostname = Environment.GetEnvironmentVariable("HOSTNAME");
                        var flag = Environment.GetEnvironmentVariable("FEATURE_NEW_CHECKOUT");
                        var empty = configuration[{|#0:"Stripe:WebhookSecret"|}];
                        var devOnly = configuration[{|#1:"Seed:AdminPassword"|}];
                        var mode = configuration["Feature:Mode"];
                        var on = configuration["Flags:On"];
                        var reporting = configuration.GetConnectionString("Reporting");
                        var api = configuration["Todo:ApiName"];
                        var unset = configuration[{|#2:"Mail:ApiKey"|}];
                        var later = configuration[{|#3:"Mail:From"|}];
                    }
                }
                """;
            var settings = """
                {
                  // comments are fine in settings files
                  "Logging": { "LogLevel": { "Default": "Information" } },
                  "Http": { "TimeoutSeconds": 10 },
                  "Features": { "NewCheckout": true, },
                  "Stripe": { "WebhookSecret": "" },
                  "Feature": { "Mode": "off" },
                  "Flags": { "On": "on" },
                  "ConnectionStrings": { "Reporting": "Server=sql.prod.shop.io;Database=reports;User Id=app;Password=${REPORTING_PASSWORD}x" },
                  "Todo": { "ApiName": "todo-api" },
                  "Mail": { "ApiKey": "<your-sendgrid-key>", "From": "TODO: set the sender" }
                }
                """;
            var development = """{ "Seed": { "AdminPassword": "local-only" } }""";
            var test = Test(
                code,
                ("/app/launchready.env.json", Manifest),
                ("/app/appsettings.json", settings),
                ("/app/appsettings.Development.json", development));
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nlaunchready.config.ignored_keys = FEATURE_*\n"));
            test.ExpectedDiagnostics.Add(Undeclared(0, "Configuration key", "Stripe:WebhookSecret", "'Stripe__WebhookSecret'"));
            test.ExpectedDiagnostics.Add(Undeclared(1, "Configuration key", "Seed:AdminPassword", "'Seed__AdminPassword'"));
            test.ExpectedDiagnostics.Add(Undeclared(2, "Configuration key", "Mail:ApiKey", "'Mail__ApiKey'"));
            test.ExpectedDiagnostics.Add(Undeclared(3, "Configuration key", "Mail:From", "'Mail__From'"));
            await test.RunAsync();
        }

        [Fact]
        public async Task PlatformKeys_MatchTheirWholeFirstSegment()
        {
            var code = """
                public class Platform
                {
                    public void Read(IConfiguration configuration)
                    {
                        var urls = configuration["urls"];
                        var hosts = configuration["AllowedHosts"];
                        var service = Environment.GetEnvironmentVariable("K_SERVICE");
                        var otel = configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
                        var home = Environment.GetEnvironmentVariable({|#0:"HOMEPAGE_URL"|});
                        var logging = configuration[{|#1:"Logging2:Level"|}];
                        var shortKey = Environment.GetEnvironmentVariable({|#2:"K"|});
                    }
                }
                """;
            var test = Test(code, ("/app/launchready.env.json", Manifest));
            test.ExpectedDiagnostics.Add(Undeclared(0, "Environment variable", "HOMEPAGE_URL", "'HOMEPAGE_URL'"));
            test.ExpectedDiagnostics.Add(Undeclared(1, "Configuration key", "Logging2:Level", "'Logging2__Level'"));
            test.ExpectedDiagnostics.Add(Undeclared(2, "Environment variable", "K", "'K'"));
            await test.RunAsync();
        }

        [Fact]
        public async Task GeneratedCode_IsNotReported_ButHandWrittenCodeBesideItIs()
        {
            var code = """
                [System.CodeDom.Compiler.GeneratedCode("binder", "1.0")]
                public class GeneratedOptions
                {
                    public string? Read(IConfiguration configuration) => configuration["Generated:Key"];
                }

                public class Mixed
                {
                    [System.CodeDom.Compiler.GeneratedCode("binder", "1.0")]
                    public string? Generated(IConfiguration configuration) => configuration["Generated:Method"];

                    public string? Written(IConfiguration configuration) => configuration[{|#0:"Written:Key"|}];
                }
                """;
            var test = Test(code, ("/app/launchready.env.json", Manifest));
            test.TestState.Sources.Add(("/app/Options.g.cs", Usings + "public static class GeneratedReads { public static string? Read(IConfiguration c) => c[\"Generated:File\"]; }"));
            test.TestState.Sources.Add(("/app/Header.cs", "// <auto-generated/>\n" + Usings + "public static class HeaderReads { public static string? Read(IConfiguration c) => c[\"Generated:Header\"]; }"));
            test.ExpectedDiagnostics.Add(Undeclared(0, "Configuration key", "Written:Key", "'Written__Key'"));
            await test.RunAsync();
        }

        [Fact]
        public async Task WithoutAManifest_TheRuleIsOff()
        {
            var code = """
                public class NoManifest
                {
                    public string? Read(IConfiguration configuration) => configuration["Anything:At:All"] ?? Environment.GetEnvironmentVariable("WHATEVER");
                }
                """;
            await Test(code, ("/app/appsettings.json", "{}")).RunAsync();
        }

        [Fact]
        public async Task BrokenManifest_LeavesTheRuleOff_InsteadOfReportingEveryRead()
        {
            var code = """
                public class Broken
                {
                    public string? Read(IConfiguration configuration) => configuration["Anything"];
                }
                """;
            await Test(code, ("/app/launchready.env.json", "{ \"variables\": { \"A\": ")).RunAsync();
        }

        [Fact]
        public async Task DotEnvExample_ServesAsTheManifest_WhenThereIsNoJsonManifest()
        {
            var code = """
                public class FromExample
                {
                    public void Read(IConfiguration configuration)
                    {
                        var key = Environment.GetEnvironmentVariable("STRIPE_SECRET_KEY");
                        var db = configuration.GetConnectionString("Shop");
                        var other = Environment.GetEnvironmentVariable({|#0:"OPENAI_API_KEY"|});
                    }
                }
                """;
            var example = "# copy to .env\nSTRIPE_SECRET_KEY=\nConnectionStrings__Shop=\n";
            var test = Test(code, ("/app/.env.example", example));
            test.ExpectedDiagnostics.Add(Undeclared(0, "Environment variable", "OPENAI_API_KEY", "'OPENAI_API_KEY'", ".env.example"));
            await test.RunAsync();
        }

        [Fact]
        public async Task CaseDifferences_DoNotCount_AsConfigurationKeysAreCaseInsensitive()
        {
            var code = """
                public class Casing
                {
                    public string? Read(IConfiguration configuration) => configuration["smtp:host"] ?? configuration.GetConnectionString("shop");
                }
                """;
            await Test(code, ("/app/launchready.env.json", Manifest)).RunAsync();
        }

        [Fact]
        public async Task TestCode_IsNotReported()
        {
            var code = """
                public class CheckoutTests
                {
                    public string? Read() => Environment.GetEnvironmentVariable("TEST_DATABASE_URL");
                }
                """;
            var test = new VerifyCS.Test { TestState = { Sources = { ("/src/tests/CheckoutTests.cs", Usings + code) } } };
            test.TestState.AdditionalFiles.Add(("/app/launchready.env.json", Manifest));
            await test.RunAsync();
        }
    }
}
