using System.Threading.Tasks;
using LaunchReady.Analyzers.Urls;
using Xunit;
using VerifyCS = LaunchReady.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LaunchReady.Analyzers.Urls.HardcodedUrlAnalyzer>;

namespace LaunchReady.Analyzers.Tests.Urls
{
    public class HardcodedUrlAnalyzerTests
    {
        private static string InMethod(string statements) => $$"""
            using System;
            using System.Net;
            using System.Net.Http;

            public class Client
            {
                public void Call(string id, int port)
                {
                    {{statements}}
                }

                private static void Connect(string configuration) { }
            }
            """;

        [Theory]
        [InlineData("http://localhost:5000", "localhost", "a loopback address")]
        [InlineData("https://127.0.0.1:8443", "127.0.0.1", "a loopback address")]
        [InlineData("http://127.42.0.9", "127.42.0.9", "a loopback address")]
        [InlineData("http://[::1]:5000", "[::1]", "a loopback address")]
        [InlineData("http://0.0.0.0:5000", "0.0.0.0", "an unspecified address")]
        [InlineData("http://[::]:5000", "[::]", "an unspecified address")]
        [InlineData("http://api.localhost", "api.localhost", "a loopback address")]
        [InlineData("http://shop.localtest.me", "shop.localtest.me", "a loopback address")]
        [InlineData("http://host.docker.internal:5432", "host.docker.internal", "a Docker-internal host")]
        [InlineData("https://10.0.4.12", "10.0.4.12", "a private-network address")]
        [InlineData("https://172.16.0.1", "172.16.0.1", "a private-network address")]
        [InlineData("https://172.31.255.1", "172.31.255.1", "a private-network address")]
        [InlineData("https://192.168.1.20:8080", "192.168.1.20", "a private-network address")]
        [InlineData("http://[fd12:3456::1]", "[fd12:3456::1]", "a private-network address")]
        [InlineData("http://169.254.10.10", "169.254.10.10", "a link-local address")]
        [InlineData("http://[fe80::1]", "[fe80::1]", "a link-local address")]
        [InlineData("https://a1b2-81-2-69-160.ngrok-free.app", "a1b2-81-2-69-160.ngrok-free.app", "a tunnel to a developer machine")]
        [InlineData("https://shop.ngrok.io", "shop.ngrok.io", "a tunnel to a developer machine")]
        [InlineData("https://quiet-lake.trycloudflare.com", "quiet-lake.trycloudflare.com", "a tunnel to a developer machine")]
        [InlineData("https://abc123-5000.euw.devtunnels.ms", "abc123-5000.euw.devtunnels.ms", "a tunnel to a developer machine")]
        [InlineData("https://10.0.0.5.nip.io", "10.0.0.5.nip.io", "a tunnel to a developer machine")]
        [InlineData("https://shop.local", "shop.local", "an internal-only domain")]
        [InlineData("https://payments.test", "payments.test", "an internal-only domain")]
        [InlineData("http://orders.svc.internal", "orders.svc.internal", "an internal-only domain")]
        [InlineData("redis://cache.lan:6379", "cache.lan", "an internal-only domain")]
        [InlineData("postgres://app:pw@localhost:5432", "localhost", "a loopback address")]
        [InlineData("amqp://guest:guest@127.0.0.1:5672", "127.0.0.1", "a loopback address")]
        [InlineData("ws://localhost:8080", "localhost", "a loopback address")]
        public async Task UriLiteral_WithDevelopmentHost_ReportsLR0010(string url, string host, string kind)
        {
            var source = InMethod($$"""var client = new HttpClient { BaseAddress = new Uri("{|#0:{{url}}|}/api/") };""");
            await VerifyCS.VerifyAnalyzerAsync(source, VerifyCS.Diagnostic("LR0010").WithLocation(0).WithArguments(host, kind));
        }

        [Theory]
        [InlineData("https://api.stripe.com/v1")]
        [InlineData("https://shop.com")]
        [InlineData("https://8.8.8.8")]
        [InlineData("https://172.32.0.1")]
        [InlineData("https://192.169.0.1")]
        [InlineData("https://localhost-shop.com")]
        [InlineData("https://mylocal.com")]
        [InlineData("https://ngrok.com/docs")]
        [InlineData("https://api.test-shop.com")]
        [InlineData("https://local.shop.com")]
        [InlineData("http://169.254.169.254/latest/meta-data/")]
        [InlineData("http://metadata.google.internal/computeMetadata/v1/")]
        public async Task UriLiteral_WithProductionHost_DoesNotReportLR0010(string url)
        {
            var source = InMethod($$"""var client = new HttpClient { BaseAddress = new Uri("{{url}}") };""");
            await VerifyCS.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task ConstField_ParameterDefault_AndAttribute_Report()
        {
            var source = """
                using System;

                [AttributeUsage(AttributeTargets.Class)]
                public sealed class ApiAttribute : Attribute
                {
                    public ApiAttribute(string baseUrl) { }
                }

                [Api("{|LR0010:http://localhost:7000|}")]
                public class Settings
                {
                    public const string PaymentsUrl = "{|LR0010:http://127.0.0.1:9000|}/pay";

                    public static Uri Build(string url = "{|LR0010:http://localhost:5000|}") => new Uri(url);

                    // The default value is reported where it is written, not again at each call that uses it.
                    public static Uri Default() => Build();
                }
                """;
            await VerifyCS.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task InterpolatedAndConcatenatedUrls_ReportAtTheUrl()
        {
            var source = InMethod("""
                var a = $"{|LR0010:http://localhost:5000|}/orders/{id}";
                var b = "{|LR0010:http://localhost:|}" + port + "/orders";
                var c = {|LR0010:"http://local" + "host:5000"|};
                var d = $"http://{id}:5000";
                const string scheme = "http://";
                var e = {|LR0010:(scheme + "localhost") + ":5000"|};
                var f = {|LR0011:"http://api.partner-shop.com/" + nameof(Call)|};
                var g = "{|LR0010:http://localhost:5000|}/" + id.Trim() + "/" + port;
                const string Localhost = "localhost";
                const string Partner = "api.partner-shop.com";
                var h = {|LR0010:$"http://{Localhost}:5100/api"|};
                var i = {|LR0011:$"http://{Partner}/v1"|} + id;
                """);
            await VerifyCS.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task VerbatimRawAndUtf8Literals_Report()
        {
            var source = InMethod(""""
                var a = @"{|LR0010:http://localhost:5000|}";
                var b = """{|LR0010:http://localhost:5001|}""";
                var c = "{|LR0010:http://localhost:5002|}"u8;
                """");
            await VerifyCS.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task FallbackWhenConfigurationIsMissing_Reports()
        {
            var source = InMethod("""
                var api = Environment.GetEnvironmentVariable("ORDERS_API") ?? "{|LR0010:http://localhost:5100|}";
                var cache = Environment.GetEnvironmentVariable("REDIS") ?? "{|LR0010:localhost:6379|}";
                """);
            await VerifyCS.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task ConnectionStrings_ReportTheHost()
        {
            var source = InMethod("""
                var pg = "Host={|LR0010:localhost|};Port=5432;Database=shop;Username=app";
                var sql = @"Server={|LR0010:(localdb)|}\mssqllocaldb;Database=Shop;Trusted_Connection=True";
                var sqlDot = "Data Source={|LR0010:.|};Initial Catalog=Shop;Integrated Security=true";
                var sqlTcp = "Server=tcp:{|LR0010:10.1.0.4|},1433;Database=Shop";
                var npgsqlMany = "Host=db1.shop.com,{|LR0010:db2.internal|};Database=shop";
                var storage = "{|LR0010:UseDevelopmentStorage=true|}";
                var sqlite = "Data Source=shop.db";
                var prod = "Server=tcp:shop.database.windows.net,1433;Database=Shop";
                """);
            await VerifyCS.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task BareHosts_ReportWhenDistinctiveOrGivenToAHostTarget()
        {
            var source = InMethod("""
                Connect("{|LR0010:localhost:6379|}");
                Connect("{|LR0010:localhost:6379|},abortConnect=false");
                Connect("{|LR0010:host.docker.internal|}");
                var redisHost = "{|LR0010:10.0.0.5|}";
                var address = IPAddress.Parse("{|LR0010:192.168.0.10|}");
                var builder = new UriBuilder { Scheme = "https", Host = "{|LR0010:orders.internal|}" };
                var endpoint = new UriBuilder("http", "{|LR0010:localhost|}", 5000);
                var cacheServer = "{|LR0010:10.0.0.8:6379|}";
                var loopbackHost = "{|LR0010:::1|}";
                var privateHost = "{|LR0010:fd00:ec2::5|}";
                """);
            await VerifyCS.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task LookalikesOfBareHosts_DoNotReport()
        {
            var source = """
                using System.Reflection;
                [assembly: AssemblyFileVersion("10.0.0.1")]

                public class Names
                {
                    public const string Version = "10.0.0.1";
                    public const string LoggerCategory = "MyCompany.Internal";
                    public const string ConfigKey = "Redis:Host";
                    public const string NestedKey = "Logging:LogLevel:Default";
                    public const string TimeFormat = "HH:mm:ss";
                    public const string Ipv6Lookalike = "dead:beef:cafe";
                    public const string FileName = "report.test";
                    public const string Network = "10.0.0.0/8";
                    public const string Message = "Contact support at help@shop.local";
                    public const string Word = "localhost is fine in tests";
                }
                """;
            await VerifyCS.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task Comparisons_DoNotReport()
        {
            var source = InMethod("""
                var host = id;
                if (host == "localhost" || host.Equals("127.0.0.1")) { }
                if (id.StartsWith("http://localhost", StringComparison.Ordinal)) { }
                var isLocal = host is "localhost" or "::1";
                switch (host)
                {
                    case "host.docker.internal":
                        break;
                }
                var cleaned = id.Replace("http://localhost:5000", string.Empty);
                """);
            await VerifyCS.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task ServerBindingAddresses_DoNotReport()
        {
            var source = """
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Hosting;

                public static class Program
                {
                    public static void Main(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        builder.WebHost.UseUrls("http://0.0.0.0:8080", "http://+:8081");
                        var app = builder.Build();
                        app.Urls.Add("http://localhost:5000");
                        app.Run("http://0.0.0.0:5000");
                    }
                }
                """;
            await VerifyCS.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task CorsOriginOutsideDevelopmentBranch_Reports()
        {
            var source = """
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.DependencyInjection;
                using Microsoft.Extensions.Hosting;

                public static class Program
                {
                    public static void Main(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins("{|LR0010:http://localhost:3000|}")));
                        if (builder.Environment.IsDevelopment())
                        {
                            builder.Services.AddCors(o => o.AddPolicy("dev", p => p.WithOrigins("http://localhost:5173")));
                        }

                        if (!builder.Environment.IsDevelopment())
                        {
                            builder.Services.AddCors(o => o.AddPolicy("prod", p => p.WithOrigins("{|LR0010:http://localhost:4200|}")));
                        }
                        else
                        {
                            builder.Services.AddCors(o => o.AddPolicy("local", p => p.WithOrigins("http://localhost:4300")));
                        }

                        var api = builder.Environment.IsEnvironment("Development") ? "http://localhost:5001" : "https://api.shop.com";

                        // An origin is the browser page that calls this server; plain http sends nothing from here.
                        builder.Services.AddCors(o => o.AddPolicy("shop", p => p.WithOrigins("https://shop.com", "http://shop.com")));
                        var allowedOrigins = new[] { "http://www.shop.com" };
                    }
                }
                """;
            await VerifyCS.VerifyAnalyzerAsync(source);
        }

        private const string DebugBlocks = """
            public static class Endpoints
            {
            #if DEBUG
                public const string Orders = "http://localhost:5100";
            #else
                public const string Orders = "https://orders.shop.com";
            #endif

            #if !DEBUG
                public const string Payments = "https://payments.shop.com";
            #else
                public const string Payments = "http://localhost:5200";
            #endif
            }
            """;

        [Fact]
        public async Task DebugBlocks_AreAcceptedByDefault()
        {
            var test = new VerifyCS.Test { TestCode = DebugBlocks }.WithPreprocessorSymbols("DEBUG");
            await test.RunAsync();
        }

        [Fact]
        public async Task DebugBlocks_ReportWhenTheOptionIsOff()
        {
            var test = new VerifyCS.Test
            {
                TestCode = DebugBlocks
                    .Replace("\"http://localhost:5100\"", "\"{|LR0010:http://localhost:5100|}\"")
                    .Replace("\"http://localhost:5200\"", "\"{|LR0010:http://localhost:5200|}\""),
            }
                .WithPreprocessorSymbols("DEBUG")
                .WithEditorConfig("launchready.urls.allow_in_debug = false");
            await test.RunAsync();
        }

        [Fact]
        public async Task ConfiguredDevHosts_Report()
        {
            var test = new VerifyCS.Test
            {
                TestCode = InMethod("""
                    var a = new Uri("{|LR0010:https://staging.myshop.com|}/api");
                    var b = new Uri("{|LR0010:https://api.dev.myshop.com|}");
                    var c = new Uri("https://api.myshop.com");
                    var d = new Uri("https://dev.myshop.com");
                    """),
            }.WithEditorConfig("launchready.dev_hosts = staging.myshop.com, *.dev.myshop.com");
            await test.RunAsync();
        }

        [Fact]
        public async Task AllowedHosts_AreNeverReported()
        {
            var test = new VerifyCS.Test
            {
                TestCode = InMethod("""
                    var a = new Uri("http://legacy-partner.com/feed");
                    var b = new Uri("http://sidecar.local:3500");
                    var c = new Uri("{|LR0011:http://other-partner.com|}/feed");
                    """),
            }.WithEditorConfig("launchready.urls.allowed_hosts = legacy-partner.com, *.local");
            await test.RunAsync();
        }

        [Fact]
        public async Task PublicHttpUrl_ReportsLR0011()
        {
            var source = InMethod("""
                var a = new Uri("{|#0:http://api.partner-shop.com|}/v1/orders");
                var b = "{|LR0011:http://203.0.113.10:8080|}/hook";
                var c = $"{|LR0011:http://cdn.shop.com|}/img/{id}.png";
                var d = "BlobEndpoint={|LR0011:http://shopassets.blob.core.windows.net|}/;SharedAccessSignature=sv=x";
                var e = "{|LR0011:HTTP://legacy.partner-shop.com|}/feed";
                var f = "HTTPS://legacy.partner-shop.com/feed";
                """);
            await VerifyCS.VerifyAnalyzerAsync(source, VerifyCS.Diagnostic("LR0011").WithLocation(0).WithArguments("http://api.partner-shop.com"));
        }

        [Fact]
        public async Task LoopbackHttpUrl_IsLR0010Only()
        {
            var source = InMethod("""var a = new Uri("{|LR0010:http://localhost:5000|}");""");
            await VerifyCS.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task HttpsPlaceholdersProseAndWildcards_DoNotReportLR0011()
        {
            var source = InMethod("""
                var a = new Uri("https://api.partner-shop.com");
                var b = new Uri("http://example.com/orders");
                var c = new Uri("http://api.example.org");
                var d = "See http://status.shop.com for details";
                var e = "<a href=\"http://shop.com\">shop</a>";
                var f = "http://";
                var g = "http://+:80";
                var h = "http://*:5000";
                """);
            await VerifyCS.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task XmlAndJsonNamespaces_DoNotReportLR0011()
        {
            var source = """
                using System.Xml;
                using System.Xml.Linq;
                using System.Xml.Serialization;

                [XmlRoot("order", Namespace = "http://shop.com/orders")]
                public class Order
                {
                    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
                    private static readonly XNamespace Custom = "http://shop.com/feeds";
                    private const string Soap = "http://schemas.xmlsoap.org/soap/envelope/";
                    private const string OpenXml = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
                    private const string Schema = "http://json-schema.org/draft-07/schema#";
                    private const string OrdersSchema = "http://shop.com/schemas/orders/v1";
                    private const string Xml = "<feed xmlns=\"http://shop.com/feed\" xmlns:x=\"http://shop.com/x\"/>";

                    public static void Write(XmlDocument doc, XmlNamespaceManager manager)
                    {
                        var element = doc.CreateElement("o", "order", "http://shop.com/order");
                        manager.AddNamespace("s", "http://shop.com/s");
                        var name = XName.Get("order", "http://shop.com/names");
                        var ns = new XmlSerializerNamespaces();
                        ns.Add("o", "http://shop.com/o");
                    }
                }
                """;
            await VerifyCS.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task TestProject_IsSkippedUnlessIncluded()
        {
            var source = InMethod("""var a = new Uri("http://localhost:5000");""");
            await new VerifyCS.Test { TestCode = source }.WithBuildProperties("build_property.IsTestProject = true").RunAsync();

            var included = new VerifyCS.Test { TestCode = source.Replace("\"http://localhost:5000\"", "\"{|LR0010:http://localhost:5000|}\"") }
                .WithBuildProperties("build_property.IsTestProject = true\nlaunchready.include_test_code = true");
            await included.RunAsync();
        }

        [Fact]
        public async Task FilesUnderTestsFolder_AreSkipped()
        {
            var test = new VerifyCS.Test().WithBuildProperties("build_property.LaunchReadyProjectDirectory = /repo/src/Shop");
            test.TestState.Sources.Add(("/repo/src/Shop/tests/Fixtures.cs", "public class Fixtures { public const string Api = \"http://localhost:5000\"; }"));
            test.TestState.Sources.Add(("/repo/src/Shop/Api.cs", "public class Api { public const string Url = \"{|LR0010:http://localhost:5000|}\"; }"));
            await test.RunAsync();
        }

        [Fact]
        public async Task RepositoryClonedUnderATestFolder_IsNotTestCode()
        {
            var test = new VerifyCS.Test().WithBuildProperties("build_property.LaunchReadyProjectDirectory = /home/ci/test/checkout/src/Shop");
            test.TestState.Sources.Add(("/home/ci/test/checkout/src/Shop/Api.cs", "public class Api { public const string Url = \"{|LR0010:http://localhost:5000|}\"; }"));
            await test.RunAsync();
        }

        [Fact]
        public async Task GeneratedCode_IsSkipped()
        {
            var test = new VerifyCS.Test();
            test.TestState.Sources.Add(("/src/Client.g.cs", "public class Generated { public const string Url = \"http://localhost:5000\"; }"));
            test.TestState.Sources.Add(("/src/Other.cs", "// <auto-generated/>\npublic class Other { public const string Url = \"http://localhost:5000\"; }"));
            await test.RunAsync();
        }

        [Fact]
        public async Task MalformedCode_DoesNotCrash()
        {
            var source = """
                public class Broken
                {
                    public string Url = "{|LR0010:http://localhost:5000|}"
                    public void M( { var x = "http://[::1"; var y = "http://:80"; var z = "://"; var w = "a://b@"; }
                """;
            var test = new VerifyCS.Test { TestCode = source };
            test.CompilerDiagnostics = Microsoft.CodeAnalysis.Testing.CompilerDiagnostics.None;
            await test.RunAsync();
        }

        [Fact]
        public async Task HugeLiteral_IsScannedWithoutCrashing()
        {
            var huge = "http://localhost:5000 " + new string('a', 200_000) + new string(':', 50_000) + "://"
                + string.Concat(System.Linq.Enumerable.Repeat(" see http://a.partner.com/x", 20_000));
            var source = $$"""public class Big { public const string Text = "{{huge}}"; }""";
            var test = new VerifyCS.Test { TestCode = source };
            test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("LR0010").WithSpan(1, 48, 1, 48 + 21).WithArguments("localhost", "a loopback address"));
            await test.RunAsync();
        }
    }
}
