using System.Threading.Tasks;
using LaunchReady.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = LaunchReady.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LaunchReady.Analyzers.Http.HttpClientTimeoutAnalyzer>;

namespace LaunchReady.Analyzers.Tests.Http
{
    public class HttpClientTimeoutAnalyzerTests
    {
        private static VerifyCS.Test WithResilience(string source) =>
            new VerifyCS.Test { TestCode = source, ReferenceAssemblies = TestReferences.AspNet80WithResilience };

        [Fact]
        public async Task NewHttpClient_WithoutTimeout_Reports()
        {
            var source = """
                using System;
                using System.Net.Http;

                public class Clients
                {
                    private readonly HttpClient _plain = {|LR0020:new HttpClient()|};
                    private readonly HttpClient _handler = {|LR0020:new HttpClient(new SocketsHttpHandler())|};

                    public static HttpClient Create() => {|LR0020:new HttpClient()|};

                    public void Use()
                    {
                        var local = {|LR0020:new HttpClient()|};
                        Register({|LR0020:new HttpClient()|});
                    }

                    private static void Register(HttpClient client) { }
                }
                """;
            await VerifyCS.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task NewHttpClient_WithTimeoutSetAnywhereInItsScope_DoesNotReport()
        {
            var source = """
                using System;
                using System.Net.Http;

                public static class HttpClientSetup
                {
                    public static HttpClient WithShopDefaults(this HttpClient client)
                    {
                        client.Timeout = TimeSpan.FromSeconds(5);
                        return client;
                    }

                    public static void Configure(HttpClient client) => client.Timeout = TimeSpan.FromSeconds(5);
                }

                public partial class Payments
                {
                    private readonly HttpClient _initialized = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
                    private readonly HttpClient _fromConstructor = new HttpClient();
                    private readonly HttpClient _fromOtherPart = new HttpClient();
                    private static readonly HttpClient Shared = new HttpClient();

                    static Payments() => Shared.Timeout = TimeSpan.FromSeconds(8);

                    public Payments() => _fromConstructor.Timeout = TimeSpan.FromSeconds(5);

                    public void Local()
                    {
                        var a = new HttpClient();
                        a.Timeout = TimeSpan.FromSeconds(2);
                        var b = new HttpClient().WithShopDefaults();
                        var c = new HttpClient();
                        c.WithShopDefaults();
                        var d = new HttpClient();
                        HttpClientSetup.Configure(d);
                    }
                }

                public partial class Payments
                {
                    public void Warm() => this._fromOtherPart.Timeout = TimeSpan.FromSeconds(4);
                }
                """;
            await VerifyCS.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task AddHttpClient_WithoutTimeout_Reports_NamedTypedAndWithLambdas()
        {
            var source = """
                using System;
                using System.Net.Http;
                using Microsoft.Extensions.DependencyInjection;

                public class PaymentsClient(HttpClient http) { }
                public interface IEmailClient { }
                public class EmailClient(HttpClient http) : IEmailClient { }

                public static class Registrations
                {
                    public static void Add(IServiceCollection services)
                    {
                        services.{|#0:AddHttpClient<PaymentsClient>()|};
                        services.{|#1:AddHttpClient<IEmailClient, EmailClient>(c => c.BaseAddress = new Uri("https://mail.shop.com"))|};
                        services.{|#2:AddHttpClient("geo")|}.ConfigureHttpClient(c => c.BaseAddress = new Uri("https://geo.shop.com"));
                    }
                }
                """;
            await VerifyCS.VerifyAnalyzerAsync(
                source,
                VerifyCS.Diagnostic("LR0020").WithLocation(0).WithArguments("HttpClient registration 'PaymentsClient'"),
                VerifyCS.Diagnostic("LR0020").WithLocation(1).WithArguments("HttpClient registration 'EmailClient'"),
                VerifyCS.Diagnostic("LR0020").WithLocation(2).WithArguments("HttpClient registration 'geo'"));
        }

        [Fact]
        public async Task AddHttpClient_WithTimeoutFromLambdaChainPipelineOrTypedClient_DoesNotReport()
        {
            var source = """
                using System;
                using System.Net.Http;
                using Microsoft.Extensions.DependencyInjection;
                using Polly;

                public class A(HttpClient http) { }
                public class B(HttpClient http) { }
                public class C(HttpClient http) { }
                public class D(HttpClient http) { }
                public class E(HttpClient http) { }
                public class F(HttpClient http) { }

                public class TypedWithTimeout
                {
                    public TypedWithTimeout(HttpClient http) => http.Timeout = TimeSpan.FromSeconds(5);
                }

                public static class Registrations
                {
                    public static void Add(IServiceCollection services)
                    {
                        services.AddHttpClient<A>(c => c.Timeout = TimeSpan.FromSeconds(5));
                        services.AddHttpClient<B>().ConfigureHttpClient(c => { c.Timeout = TimeSpan.FromSeconds(5); });
                        services.AddHttpClient<C>().AddStandardResilienceHandler();
                        services.AddHttpClient<D>().AddResilienceHandler("d", b => b.AddTimeout(TimeSpan.FromSeconds(5)));
                        services.AddHttpClient<E>().AddPolicyHandler(Policy.TimeoutAsync<HttpResponseMessage>(5));
                        var builder = services.AddHttpClient<F>();
                        builder.AddStandardResilienceHandler();
                        services.AddHttpClient<TypedWithTimeout>();
                    }
                }
                """;
            await WithResilience(source).RunAsync();
        }

        [Fact]
        public async Task ConfigureHttpClientDefaults_WithATimeout_CoversEveryRegistration()
        {
            var test = WithResilience("""
                using System.Net.Http;
                using Microsoft.Extensions.DependencyInjection;

                public class Catalog(HttpClient http) { }

                public static class Registrations
                {
                    public static void Add(IServiceCollection services) => services.AddHttpClient<Catalog>();
                }
                """);
            test.TestState.Sources.Add(("/0/Defaults.cs", """
                using Microsoft.Extensions.DependencyInjection;

                public static class Defaults
                {
                    public static void Add(IServiceCollection services) =>
                        services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());
                }
                """));
            await test.RunAsync();
        }

        [Fact]
        public async Task ExtensionMethodInAnotherFile_AndPrimaryConstructorClients_AreCovered()
        {
            var test = new VerifyCS.Test
            {
                TestCode = """
                    using System;
                    using System.Net.Http;
                    using Microsoft.Extensions.DependencyInjection;

                    public sealed class Gateway(HttpMessageHandler handler)
                    {
                        private readonly HttpClient _http = new HttpClient(handler).WithCheckoutDefaults();
                        private readonly HttpClient _raw = {|LR0020:new HttpClient(handler)|};
                    }

                    public sealed class Geo(HttpClient http)
                    {
                        private readonly HttpClient _http = Configure(http);

                        private static HttpClient Configure(HttpClient client)
                        {
                            client.Timeout = TimeSpan.FromSeconds(4);
                            return client;
                        }
                    }

                    public static class Registrations
                    {
                        public static void Add(IServiceCollection services) => services.AddHttpClient<Geo>();
                    }
                    """,
            };
            test.TestState.Sources.Add(("/0/HttpClientExtensions.cs", """
                using System;
                using System.Net.Http;

                public static class HttpClientExtensions
                {
                    public static HttpClient WithCheckoutDefaults(this HttpClient client)
                    {
                        client.Timeout = TimeSpan.FromSeconds(5);
                        return client;
                    }
                }
                """));
            await test.RunAsync();
        }

        [Fact]
        public async Task FactoryCreatedClients_AreNeverReportedAtCreateClient()
        {
            var source = """
                using System.Net.Http;

                public class Quotes(IHttpClientFactory factory)
                {
                    public HttpClient Client() => factory.CreateClient("quotes");
                }
                """;
            await VerifyCS.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task InfiniteAndExcessiveTimeouts_ReportLR0021()
        {
            var source = """
                using System;
                using System.Net.Http;
                using System.Threading;
                using Microsoft.Extensions.DependencyInjection;
                using Polly;

                public static class Registrations
                {
                    public static void Add(IServiceCollection services)
                    {
                        var a = new HttpClient { Timeout = {|#0:Timeout.InfiniteTimeSpan|} };
                        var b = new HttpClient { Timeout = {|#1:TimeSpan.FromMinutes(5)|} };
                        b.Timeout = {|#2:TimeSpan.MaxValue|};
                        var c = new HttpClient { Timeout = {|#3:new TimeSpan(0, 1, 0)|} };
                        var ok = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
                        services.AddHttpClient("slow", h => h.Timeout = {|#4:TimeSpan.FromSeconds(120)|});
                        services.AddHttpClient("polly").AddPolicyHandler(Policy.TimeoutAsync<HttpResponseMessage>({|#5:600|}));
                        services.AddHttpClient("v8").AddResilienceHandler("p", p => p.AddTimeout({|#6:TimeSpan.FromMinutes(10)|}));
                        services.AddHttpClient("std").AddStandardResilienceHandler(o => o.TotalRequestTimeout.Timeout = {|#7:TimeSpan.FromMinutes(3)|});
                    }
                }
                """;
            await WithResilienceExpecting(source,
                ("infinity", 0), ("300 seconds", 1), ("infinity", 2), ("60 seconds", 3), ("120 seconds", 4), ("600 seconds", 5), ("600 seconds", 6), ("180 seconds", 7));
        }

        [Fact]
        public async Task InfiniteClientTimeoutUnderAPipelineTimeoutOrCancelAfter_IsTheDocumentedPattern()
        {
            var source = """
                using System;
                using System.IO;
                using System.Net.Http;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.Extensions.DependencyInjection;

                public static class Registrations
                {
                    public static void Add(IServiceCollection services)
                    {
                        services.AddHttpClient("ai")
                            .ConfigureHttpClient(c => c.Timeout = Timeout.InfiniteTimeSpan)
                            .AddStandardResilienceHandler();
                    }
                }

                public class Downloads
                {
                    private readonly HttpClient _http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };

                    public async Task<Stream> OpenAsync(Uri uri, CancellationToken token)
                    {
                        using var perRequest = CancellationTokenSource.CreateLinkedTokenSource(token);
                        perRequest.CancelAfter(TimeSpan.FromSeconds(20));
                        return await _http.GetStreamAsync(uri, perRequest.Token);
                    }
                }
                """;
            await WithResilience(source).RunAsync();
        }

        [Fact]
        public async Task TimeoutsKeptInReadonlyFieldsAndGetOnlyProperties_AreJudgedByTheirValue()
        {
            var test = new VerifyCS.Test
            {
                TestCode = """
                    using System;
                    using System.Net.Http;
                    using System.Threading;

                    public class Clients
                    {
                        private static readonly TimeSpan Export = TimeSpan.FromMinutes(5);
                        private static readonly TimeSpan Quick = TimeSpan.FromSeconds(5);
                        private static TimeSpan Mutable = Timeout.InfiniteTimeSpan;
                        private readonly TimeSpan _configured = Timeout.InfiniteTimeSpan;
                        private static TimeSpan Forever => Timeout.InfiniteTimeSpan;

                        public Clients(TimeSpan configured) => _configured = configured;

                        public void Create()
                        {
                            var a = new HttpClient { Timeout = {|LR0021:Export|} };
                            var b = new HttpClient { Timeout = {|LR0021:Forever|} };
                            var c = new HttpClient { Timeout = {|LR0021:HttpDefaults.Long|} };
                            var d = new HttpClient { Timeout = {|LR0021:HttpDefaults.Infinite|} };
                            var fine = new HttpClient { Timeout = Quick };
                            var runtime = new HttpClient { Timeout = Mutable };
                            var fromConstructor = new HttpClient { Timeout = _configured };
                            var brief = new HttpClient { Timeout = HttpDefaults.Short };
                        }
                    }
                    """,
            };
            test.TestState.Sources.Add(("/0/HttpDefaults.cs", """
                using System;
                using System.Threading;

                public static class HttpDefaults
                {
                    public static readonly TimeSpan Long = new TimeSpan(0, 2, 0);
                    public static TimeSpan Infinite { get; } = Timeout.InfiniteTimeSpan;
                    public static readonly TimeSpan Short = TimeSpan.FromSeconds(10);
                }
                """));
            await test.RunAsync();
        }

        [Fact]
        public async Task MaximumIsConfigurable()
        {
            var test = new VerifyCS.Test
            {
                TestCode = """
                    using System;
                    using System.Net.Http;

                    public static class Clients
                    {
                        public static readonly HttpClient Reports = new HttpClient { Timeout = TimeSpan.FromSeconds(45) };
                        public static readonly HttpClient Exports = new HttpClient { Timeout = {|LR0021:TimeSpan.FromSeconds(90)|} };
                    }
                    """,
            }.WithEditorConfig("launchready.http.max_timeout_seconds = 60");
            await test.RunAsync();
        }

        [Fact]
        public async Task UnrelatedTypeNamedHttpClient_IsNotReported()
        {
            await VerifyCS.VerifyAnalyzerAsync("namespace Shop { public class HttpClient { } public class C { HttpClient h = new HttpClient(); } }");
        }

        private static Task WithResilienceExpecting(string source, params (string Value, int Location)[] findings)
        {
            var test = WithResilience(source);
            foreach (var (value, location) in findings)
            {
                test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("LR0021").WithLocation(location).WithArguments(value, "30"));
            }

            return test.RunAsync();
        }
    }
}
