using System.Threading.Tasks;
using LaunchReady.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Xunit;
using VerifyLifetime = LaunchReady.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LaunchReady.Analyzers.Http.HttpClientLifetimeAnalyzer>;
using VerifyTimeout = LaunchReady.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LaunchReady.Analyzers.Http.HttpClientTimeoutAnalyzer>;

namespace LaunchReady.Analyzers.Tests.Http
{
    /// <summary>Realistic code found to be misreported in review, kept as regression tests.</summary>
    public class HttpRegressionTests
    {
        private static VerifyTimeout.Test TopLevel(string program)
        {
            var test = new VerifyTimeout.Test { ReferenceAssemblies = TestReferences.AspNet80WithResilience };
            test.TestState.Sources.Add(("/0/Program.cs", program));
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            return test;
        }

        [Fact]
        public async Task TopLevelStatements_SeeLaterStatementsOfTheFile()
        {
            await TopLevel("""
                using System;
                using System.Net.Http;
                using System.Threading;
                using Microsoft.Extensions.DependencyInjection;

                var services = new ServiceCollection();
                var client = new HttpClient();
                client.Timeout = TimeSpan.FromSeconds(10);
                var mail = services.AddHttpClient("mail");
                mail.AddStandardResilienceHandler();
                var llm = services.AddHttpClient("llm", c => c.Timeout = Timeout.InfiniteTimeSpan);
                llm.AddStandardResilienceHandler();
                """).RunAsync();
        }

        [Fact]
        public async Task AspireServiceDefaults_ReturnedBuilders_ProjectExtensionsAndMethodGroups_AreCovered()
        {
            await TopLevel("""
                using System;
                using System.Net.Http;
                using Microsoft.Extensions.DependencyInjection;
                using Microsoft.Extensions.Http.Resilience;

                var services = new ServiceCollection();
                services.AddHttpClient<Catalog>().AddDefaultResilience();
                services.AddHttpClient<Inventory>(Pipelines.ConfigureInventory);
                services.AddPaymentsClient().AddStandardResilienceHandler();
                var sms = services.AddHttpClient("sms");
                Pipelines.AddTimeouts(sms);

                public class Catalog(HttpClient http) { }
                public class Inventory(HttpClient http) { }
                public class Payments(HttpClient http) { }

                public static class Pipelines
                {
                    public static IHttpClientBuilder AddDefaultResilience(this IHttpClientBuilder builder)
                    {
                        builder.AddStandardResilienceHandler();
                        return builder;
                    }

                    public static IHttpClientBuilder AddPaymentsClient(this IServiceCollection services) =>
                        services.AddHttpClient<Payments>(c => c.BaseAddress = new Uri("https://pay.shop.com"));

                    public static void ConfigureInventory(HttpClient client) => client.Timeout = TimeSpan.FromSeconds(4);

                    public static void AddTimeouts(IHttpClientBuilder builder) => builder.AddStandardResilienceHandler();
                }
                """).RunAsync();
        }

        [Fact]
        public async Task AspireAddServiceDefaults_CoversRegistrations()
        {
            await TopLevel("""
                using System.Net.Http;
                using Microsoft.Extensions.DependencyInjection;

                var services = new ServiceCollection();
                services.AddServiceDefaults();
                services.AddHttpClient<Weather>();

                public class Weather(HttpClient http) { }

                public static class Extensions
                {
                    public static IServiceCollection AddServiceDefaults(this IServiceCollection services) => services;
                }
                """).RunAsync();
        }

        [Fact]
        public async Task StartupCodeFactoriesAndLazyInitialization_AreNotPerOperation()
        {
            var test = new VerifyLifetime.Test
            {
                TestCode = """
                    using System;
                    using System.Net.Http;
                    using System.Threading;
                    using System.Threading.Tasks;
                    using Microsoft.AspNetCore.Builder;
                    using Microsoft.Extensions.DependencyInjection;
                    using Microsoft.Extensions.Hosting;

                    public static class Registrations
                    {
                        public static IServiceCollection AddGeoCoder(this IServiceCollection services)
                        {
                            var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) });
                            services.AddSingleton(client);
                            return services;
                        }

                        public static void Branches(WebApplication app) =>
                            app.Map("/legacy", branch => { var shared = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) }); });
                    }

                    public static class Clients
                    {
                        private static HttpClient? _lazy;
                        private static readonly Lazy<HttpClient> Deferred = new(() => new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) }));

                        public static readonly HttpClient Shared = Create();

                        public static HttpClient Lazy => LazyInitializer.EnsureInitialized(ref _lazy, () => new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) }));

                        private static HttpClient Create()
                        {
                            var c = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) });
                            return c;
                        }
                    }

                    public sealed class Poller : BackgroundService
                    {
                        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                        {
                            using var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) });
                            while (!stoppingToken.IsCancellationRequested)
                            {
                                await Task.Delay(1000, stoppingToken);
                            }
                        }
                    }
                    """,
            };
            await test.RunAsync();
        }

        [Fact]
        public async Task ScopedFactoriesAreReportedAndKeyedSingletonsAreLongLived()
        {
            var test = new VerifyLifetime.Test
            {
                TestCode = """
                    using System;
                    using System.Net.Http;
                    using Microsoft.Extensions.DependencyInjection;

                    public static class Registrations
                    {
                        public static void Add(IServiceCollection services)
                        {
                            services.AddScoped(sp => {|#0:new HttpClient { BaseAddress = new Uri("https://api.shop.com") }|});
                            services.AddKeyedSingleton("maps", (sp, key) => {|#1:new HttpClient()|});
                        }
                    }
                    """,
            };
            test.ExpectedDiagnostics.Add(VerifyLifetime.Diagnostic("LR0023").WithLocation(0).WithArguments("each time the service is resolved, which happens per request or per use"));
            test.ExpectedDiagnostics.Add(VerifyLifetime.Diagnostic("LR0024").WithLocation(1).WithArguments("uses the default handler"));
            await test.RunAsync();
        }

        [Fact]
        public async Task OwnTimeSpanTypeWithCharArguments_DoesNotCrash()
        {
            var test = new VerifyTimeout.Test
            {
                TestCode = """
                    using System.Net.Http;

                    namespace Odd
                    {
                        public struct TimeSpan
                        {
                            public TimeSpan(char a, char b, char c) { }
                            public static TimeSpan FromSeconds(char c) => default;
                            public static implicit operator System.TimeSpan(TimeSpan t) => System.TimeSpan.Zero;
                        }

                        public static class Use
                        {
                            public static void Set(HttpClient c)
                            {
                                c.Timeout = TimeSpan.FromSeconds('x');
                                c.Timeout = new TimeSpan('a', 'b', 'c');
                            }
                        }
                    }
                    """,
            };
            await test.RunAsync();
        }

        [Fact]
        public async Task TestCode_IsSkipped()
        {
            var test = new VerifyTimeout.Test().WithBuildProperties("build_property.IsTestProject = true");
            test.TestState.Sources.Add(("/0/TestHelpers.cs", "using System.Net.Http; public static class TestHelpers { public static HttpClient Create(HttpMessageHandler h) => new HttpClient(h); }"));
            await test.RunAsync();
        }
    }
}
