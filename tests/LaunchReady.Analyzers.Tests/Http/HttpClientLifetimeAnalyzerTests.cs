using System.Collections.Immutable;
using System.Threading.Tasks;
using LaunchReady.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = LaunchReady.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LaunchReady.Analyzers.Http.HttpClientLifetimeAnalyzer>;

namespace LaunchReady.Analyzers.Tests.Http
{
    public class HttpClientLifetimeAnalyzerTests
    {
        [Fact]
        public async Task ClientsCreatedPerCall_ReportLR0023()
        {
            var source = """
                using System;
                using System.Net.Http;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Mvc;

                public class QuotesController : ControllerBase
                {
                    private readonly HttpClient _http = {|#0:new HttpClient()|};

                    [HttpGet]
                    public async Task<string> Get()
                    {
                        using var client = {|#1:new HttpClient()|};
                        return await client.GetStringAsync("https://rates.shop.com");
                    }
                }

                public class RatesService
                {
                    public async Task<string> Fetch()
                    {
                        using (var client = {|#2:new HttpClient()|})
                        {
                            return await client.GetStringAsync("https://rates.shop.com");
                        }
                    }

                    public Task<string> Plain() => {|#3:new HttpClient()|}.GetStringAsync("https://rates.shop.com");
                }

                public static class Endpoints
                {
                    public static void Map(WebApplication app) =>
                        app.MapGet("/quote", async () => await {|#4:new HttpClient()|}.GetStringAsync("https://rates.shop.com"));
                }
                """;
            await VerifyCS.VerifyAnalyzerAsync(
                source,
                VerifyCS.Diagnostic("LR0023").WithLocation(0).WithArguments("each time 'QuotesController' is created, which happens per request"),
                VerifyCS.Diagnostic("LR0023").WithLocation(1).WithArguments("and disposed by a using on every call of 'Get'"),
                VerifyCS.Diagnostic("LR0023").WithLocation(2).WithArguments("and disposed by a using on every call of 'Fetch'"),
                VerifyCS.Diagnostic("LR0023").WithLocation(3).WithArguments("on every call of 'Plain'"),
                VerifyCS.Diagnostic("LR0023").WithLocation(4).WithArguments("in every request to the endpoint mapped by 'MapGet'"));
        }

        [Fact]
        public async Task SharedAndOnceOnlyClients_AreNotPerOperation()
        {
            var source = """
                using System;
                using System.Net.Http;
                using Microsoft.Extensions.DependencyInjection;

                public class Worker
                {
                    private readonly HttpClient _http;
                    private HttpClient? _cached;

                    public Worker() => _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) });

                    public HttpClient Client() => _cached ??= new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) });
                }

                public class Tools
                {
                    private static readonly Lazy<HttpClient> Client = new Lazy<HttpClient>(() => new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) }));

                    public static void Main()
                    {
                        using var client = new HttpClient();
                    }
                }

                public class Factory(IHttpClientFactory factory)
                {
                    public HttpClient Create() => factory.CreateClient("rates");
                }
                """;
            await VerifyCS.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task LongLivedClientsOnTheDefaultHandler_ReportLR0024()
        {
            var source = """
                using System;
                using System.Net.Http;
                using Microsoft.Extensions.DependencyInjection;

                public static class Clients
                {
                    public static readonly HttpClient Default = {|#0:new HttpClient()|};
                    public static HttpClient Legacy { get; } = {|#1:new HttpClient(new HttpClientHandler())|};
                    public static readonly HttpClient Sockets = {|#2:new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 20 })|};
                    public static readonly HttpClient Recycled = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) });

                    public static void Register(IServiceCollection services)
                    {
                        services.AddSingleton({|#3:new HttpClient()|});
                        services.AddSingleton(_ => {|#4:new HttpClient()|});
                    }
                }

                public sealed class PriceFeed
                {
                    private readonly HttpClient _http = {|#5:new HttpClient()|};
                }

                public static class Registrations
                {
                    public static void Add(IServiceCollection services) => services.AddSingleton<PriceFeed>();
                }
                """;
            await VerifyCS.VerifyAnalyzerAsync(
                source,
                VerifyCS.Diagnostic("LR0024").WithLocation(0).WithArguments("uses the default handler"),
                VerifyCS.Diagnostic("LR0024").WithLocation(1).WithArguments("uses HttpClientHandler, which cannot recycle connections"),
                VerifyCS.Diagnostic("LR0024").WithLocation(2).WithArguments("uses a SocketsHttpHandler without PooledConnectionLifetime"),
                VerifyCS.Diagnostic("LR0024").WithLocation(3).WithArguments("uses the default handler"),
                VerifyCS.Diagnostic("LR0024").WithLocation(4).WithArguments("uses the default handler"),
                VerifyCS.Diagnostic("LR0024").WithLocation(5).WithArguments("uses the default handler"));
        }

        [Fact]
        public async Task BlazorWebAssembly_IsSkipped()
        {
            var test = new VerifyCS.Test
            {
                TestCode = """
                    using System.Net.Http;

                    public class WeatherService
                    {
                        public static readonly HttpClient Shared = new HttpClient();

                        public HttpClient PerCall() => new HttpClient();
                    }
                    """,
            };

            // The analyzer keys on the WebAssembly host assembly being referenced; a stand-in with its name is enough.
            var stub = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
                "Microsoft.AspNetCore.Components.WebAssembly",
                new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("namespace Microsoft.AspNetCore.Components.WebAssembly.Hosting { public sealed class WebAssemblyHostBuilder { } }") },
                new[] { Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
                new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary));
            using var image = new System.IO.MemoryStream();
            Assert.True(stub.Emit(image).Success);
            test.TestState.AdditionalReferences.Add(Microsoft.CodeAnalysis.MetadataReference.CreateFromImage(image.ToArray()));
            await test.RunAsync();
        }
    }
}
