using System.Threading.Tasks;
using Xunit;
using VerifyCS = LaunchReady.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LaunchReady.Analyzers.Urls.HardcodedUrlAnalyzer>;

namespace LaunchReady.Analyzers.Tests.Urls
{
    /// <summary>Realistic code found to be misreported in review, kept as regression tests.</summary>
    public class HardcodedUrlRegressionTests
    {
        [Fact]
        public async Task UrlsInsideLogMessagesAndErrorText_AreProse()
        {
            var source = """
                using System;
                using System.ComponentModel;
                using Microsoft.Extensions.Logging;

                public class Startup
                {
                    [Description("Base url of the orders API, e.g. http://localhost:5100")]
                    public string OrdersUrl { get; set; } = "";

                    public void Log(ILogger logger, int port)
                    {
                        logger.LogInformation("Swagger UI available at http://localhost:{Port}/swagger", port);
                        Console.WriteLine("Listening on http://0.0.0.0:8080");
                        throw new InvalidOperationException("Orders:Url is missing. For local runs set it to http://localhost:5100");
                    }
                }
                """;
            await VerifyCS.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task DevelopmentGuardsInAllTheirCommonShapes_AreAccepted()
        {
            var source = """
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.DependencyInjection;
                using Microsoft.Extensions.Hosting;

                public interface IDesignTimeDbContextFactory<T> { T CreateDbContext(string[] args); }

                public sealed class ShopContextFactory : IDesignTimeDbContextFactory<string>
                {
                    public string CreateDbContext(string[] args) => "Server=(localdb)\\mssqllocaldb;Database=Shop";
                }

                public class Startup
                {
                    public void ConfigureDevelopmentServices(IServiceCollection services) =>
                        services.AddCors(o => o.AddPolicy("dev", p => p.WithOrigins("http://localhost:3000")));

                    public static IServiceCollection AddLocalCors(IServiceCollection services, IHostEnvironment env)
                    {
                        if (!env.IsDevelopment())
                        {
                            return services;
                        }

                        return services.AddCors(o => o.AddPolicy("spa", p => p.WithOrigins("http://localhost:5173")));
                    }

                    public static void Configure(WebApplication app)
                    {
                        var isDev = app.Environment.IsDevelopment();
                        if (isDev) { app.Urls.Clear(); var a = "http://localhost:3001"; }
                        if (app.Environment.EnvironmentName == "Development") { var b = "http://localhost:3002"; }
                        if (app.Environment.IsEnvironment(Environments.Development)) { var c = "http://localhost:3003"; }
                        if (app.Environment.IsDevelopment() || app.Environment.IsEnvironment("Local")) { var d = "http://localhost:3004"; }
                        if (app.Environment.IsDevelopment() || app.Environment.IsProduction()) { var e = "{|LR0010:http://localhost:3005|}"; }
                    }
                }
                """;
            await VerifyCS.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task ListenAddressesInAllTheirCommonShapes_AreNotEndpoints()
        {
            var source = """
                using System;
                using System.Net;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Hosting;
                using Microsoft.AspNetCore.HttpOverrides;

                public static class Program
                {
                    public static void Main(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        builder.WebHost.UseSetting("urls", "http://0.0.0.0:5000");
                        builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, "http://0.0.0.0:5001");
                        builder.Configuration["Urls"] = "http://0.0.0.0:8080";
                        Environment.SetEnvironmentVariable("ASPNETCORE_URLS", "http://0.0.0.0:8081");
                        builder.WebHost.ConfigureKestrel(o =>
                        {
                            o.Listen(IPAddress.Parse("0.0.0.0"), 8080);
                            o.Listen(IPAddress.Parse("127.0.0.1"), 8443);
                        });
                        var forwarded = new ForwardedHeadersOptions();
                        forwarded.KnownProxies.Add(IPAddress.Parse("10.0.0.100"));
                        forwarded.KnownProxies.Add(IPAddress.Parse("127.0.10.1"));

                        var app = builder.Build();
                        var port = Environment.GetEnvironmentVariable("PORT") ?? "8080";
                        var url = $"http://0.0.0.0:{port}";
                        app.Run(url);
                    }
                }
                """;
            await VerifyCS.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task ListsOfLocalHostsAndHostNamedConstants_AreForComparing()
        {
            var source = """
                using System;
                using System.Collections.Generic;

                public static class SsrfGuard
                {
                    private static readonly HashSet<string> BlockedHosts = new(StringComparer.OrdinalIgnoreCase) { "localhost", "127.0.0.1", "::1", "host.docker.internal" };
                    private static readonly string[] LocalHosts = { "localhost", "127.0.0.1", "[::1]" };
                    private const string Localhost = "localhost";

                    public static bool IsLocal(Uri uri) =>
                        BlockedHosts.Contains(uri.Host) || uri.Host == Localhost || "localhost".Equals(uri.Host, StringComparison.OrdinalIgnoreCase);
                }
                """;
            await VerifyCS.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task DefaultParameterValue_IsReportedOnceAtItsDeclaration()
        {
            var source = """
                using System.Diagnostics;
                using System.Net.Http;

                public class OrdersClient(HttpClient http, string baseUrl = "{|LR0010:http://localhost:5100|}")
                {
                    public static OrdersClient Create(HttpClient h) => new OrdersClient(h);

                    public void Check() => Debug.Assert(!baseUrl.StartsWith("http://localhost"));
                }
                """;
            await VerifyCS.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task ServiceNamesAndClusterAddresses_AreNotReported()
        {
            var source = """
                public static class Endpoints
                {
                    public const string Orders = "http://orders-api:8080";
                    public const string Search = "http://elasticsearch:9200";
                    public const string Inventory = "http://inventory.default.svc.cluster.local";
                    public const string Kafka = "kafka-0.kafka-headless.kafka.svc.cluster.local:9092";
                }
                """;
            await VerifyCS.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task SoapActionsClaimTypesAndXmlnsDeclarations_AreIdentifiers()
        {
            var source = """
                using System.Net.Http;
                using System.Security.Claims;
                using System.Xml;
                using System.Xml.Linq;

                public static class Identifiers
                {
                    public const string SoapAction = "http://partner.com/IOrderService/GetOrder";
                    public const string TenantClaim = "http://myshop.com/claims/tenant";

                    public static void Use(HttpRequestMessage request, XmlWriter writer)
                    {
                        request.Headers.Add("SOAPAction", "http://partner.com/IOrderService/GetOrder");
                        var attribute = new XAttribute(XNamespace.Xmlns + "o", "http://partner.com/orders");
                        writer.WriteAttributeString("xmlns", "p", null, "http://partner.com/payments");
                        var claim = new Claim("http://myshop.com/identity/claims/permission", "read");
                    }
                }
                """;
            await VerifyCS.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task OracleDescriptorsAndVersionNumbers_AreNotLocalHosts()
        {
            var source = """
                public static class Settings
                {
                    public const string Oracle = "Data Source=(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=ora-prod.corp.com)(PORT=1521)));User Id=app";
                    public const string MySqlServerVersion = "10.11.2.0";
                }
                """;
            await VerifyCS.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task HostListsAndInterpolatedSchemes_ReportEveryLocalHost()
        {
            var source = """
                public static class Brokers
                {
                    public const string Kafka = "broker1.shop.com:9092,{|LR0010:localhost:9093|}";
                    public const string Mongo = "mongodb://mongo1.shop.com:27017,{|LR0010:10.0.0.12:27017|}/?replicaSet=rs0";

                    public static string Search(string scheme) => $"{scheme}://{|LR0010:localhost:9200|}";
                }
                """;
            await VerifyCS.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task StagingSettings_AreProductionLikeConfig()
        {
            var test = new VerifyCS.Test { TestCode = "public class Empty { }" };
            test.TestState.AdditionalFiles.Add(("/app/appsettings.Staging.json", "{ \"Orders\": \"http://localhost:5100\" }"));
            test.TestState.AdditionalFiles.Add(("/app/appsettings.Docker.json", "{ \"Orders\": \"http://host.docker.internal:5100\" }"));
            test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("LR0010").WithSpan("/app/appsettings.Staging.json", 1, 14, 1, 35).WithArguments("localhost", "a loopback address"));
            await test.RunAsync();
        }
    }
}
