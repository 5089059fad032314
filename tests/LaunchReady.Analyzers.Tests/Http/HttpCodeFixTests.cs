using System.Threading;
using System.Threading.Tasks;
using LaunchReady.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace LaunchReady.Analyzers.Tests.Http
{
    public class HttpCodeFixTests
    {
        private static CSharpCodeFixTest<LaunchReady.Analyzers.Http.HttpClientTimeoutAnalyzer, LaunchReady.CodeFixes.Http.HttpClientTimeoutFixer, DefaultVerifier> Timeout(string source, string fixedSource, int action = 0) =>
            new() { TestCode = source, FixedCode = fixedSource, ReferenceAssemblies = TestReferences.AspNet80WithResilience, CodeActionIndex = action };

        [Fact]
        public async Task NewHttpClient_GetsATimeoutInItsInitializer_FixAllInDocument()
        {
            await Timeout(
                """
                using System;
                using System.Net.Http;

                public class Clients
                {
                    private readonly HttpClient _a = {|LR0020:new HttpClient()|};
                    private readonly HttpClient _b = {|LR0020:new HttpClient(new SocketsHttpHandler()) { BaseAddress = new Uri("https://api.shop.com") }|};
                    private readonly HttpClient _c = {|LR0020:new()|};
                }
                """,
                """
                using System;
                using System.Net.Http;

                public class Clients
                {
                    private readonly HttpClient _a = new HttpClient() { Timeout = TimeSpan.FromSeconds(10) };
                    private readonly HttpClient _b = new HttpClient(new SocketsHttpHandler()) { BaseAddress = new Uri("https://api.shop.com"), Timeout = TimeSpan.FromSeconds(10) };
                    private readonly HttpClient _c = new() { Timeout = TimeSpan.FromSeconds(10) };
                }
                """).RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task Registration_GetsConfigureHttpClient()
        {
            await Timeout(
                """
                using Microsoft.Extensions.DependencyInjection;

                public class Rates(System.Net.Http.HttpClient http) { }

                public static class Registrations
                {
                    public static void Add(IServiceCollection services) => services.{|LR0020:AddHttpClient<Rates>()|};
                }
                """,
                """
                using Microsoft.Extensions.DependencyInjection;

                public class Rates(System.Net.Http.HttpClient http) { }

                public static class Registrations
                {
                    public static void Add(IServiceCollection services) => services.AddHttpClient<Rates>().ConfigureHttpClient(client => client.Timeout = System.TimeSpan.FromSeconds(10));
                }
                """).RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task Registration_CanGetTheStandardResilienceHandler()
        {
            await Timeout(
                """
                using Microsoft.Extensions.DependencyInjection;

                public static class Registrations
                {
                    public static void Add(IServiceCollection services) => services.{|LR0020:AddHttpClient("rates")|};
                }
                """,
                """
                using Microsoft.Extensions.DependencyInjection;

                public static class Registrations
                {
                    public static void Add(IServiceCollection services) => services.AddHttpClient("rates").AddStandardResilienceHandler();
                }
                """,
                action: 1).RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task ExcessiveTimeouts_AreCappedAtTheMaximum()
        {
            await Timeout(
                """
                using System;
                using System.Net.Http;
                using System.Threading;
                using Polly;

                public static class Clients
                {
                    public static readonly HttpClient A = new HttpClient { Timeout = {|LR0021:Timeout.InfiniteTimeSpan|} };
                    public static readonly IAsyncPolicy<HttpResponseMessage> B = Policy.TimeoutAsync<HttpResponseMessage>({|LR0021:600|});
                }
                """,
                """
                using System;
                using System.Net.Http;
                using System.Threading;
                using Polly;

                public static class Clients
                {
                    public static readonly HttpClient A = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
                    public static readonly IAsyncPolicy<HttpResponseMessage> B = Policy.TimeoutAsync<HttpResponseMessage>(30);
                }
                """).RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task AnExcessiveTimeoutKeptInAField_IsCappedInTheFieldsDeclaration()
        {
            await Timeout(
                """
                using System;
                using System.Net.Http;

                public static class Clients
                {
                    private static readonly TimeSpan ExportTimeout = TimeSpan.FromMinutes(5);

                    public static readonly HttpClient Export = new HttpClient { Timeout = {|LR0021:ExportTimeout|} };
                }
                """,
                """
                using System;
                using System.Net.Http;

                public static class Clients
                {
                    private static readonly TimeSpan ExportTimeout = TimeSpan.FromSeconds(30);

                    public static readonly HttpClient Export = new HttpClient { Timeout = ExportTimeout };
                }
                """).RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task LongLivedClient_GetsARecyclingHandler()
        {
            var test = new CSharpCodeFixTest<LaunchReady.Analyzers.Http.HttpClientLifetimeAnalyzer, LaunchReady.CodeFixes.Http.HttpClientLifetimeFixer, DefaultVerifier>
            {
                TestCode = """
                    using System;
                    using System.Net.Http;

                    public static class Clients
                    {
                        public static readonly HttpClient A = {|LR0024:new HttpClient()|};
                        public static readonly HttpClient B = {|LR0024:new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 20 })|};
                    }
                    """,
                FixedCode = """
                    using System;
                    using System.Net.Http;

                    public static class Clients
                    {
                        public static readonly HttpClient A = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) });
                        public static readonly HttpClient B = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 20, PooledConnectionLifetime = TimeSpan.FromMinutes(2) });
                    }
                    """,
                ReferenceAssemblies = TestReferences.AspNet80,
            };
            await test.RunAsync(CancellationToken.None);
        }
    }
}
