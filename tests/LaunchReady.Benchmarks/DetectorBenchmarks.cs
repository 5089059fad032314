using System;
using System.Text;
using BenchmarkDotNet.Attributes;
using LaunchReady.Analyzers.Urls;
using LaunchReady.Detection;

namespace LaunchReady.Benchmarks
{
    /// <summary>
    /// What the detector costs per string literal (the IDE case: every literal on every keystroke)
    /// and per megabyte of text (the bundle-scanning case).
    /// </summary>
    [MemoryDiagnoser]
    public class DetectorBenchmarks
    {
        private const string LogMessage = "Order {OrderId} for {CustomerId} was shipped to {Country} at {ShippedAt}";
        private const string Route = "/api/v1/orders/{orderId:int}/lines";
        private const string Sql = "SELECT o.Id, o.Total FROM Orders o WHERE o.CustomerId = @customerId ORDER BY o.PlacedAt DESC";
        private const string PublicUrl = "https://api.partner-shop.com/v2/rates";
        private const string AnchorWithoutSecret = "Patterns and paths: sk_live_ is the Stripe prefix";

        private string _stripeKey = string.Empty;
        private string _sourceLikeText = string.Empty;
        private string _denseSecretsText = string.Empty;

        [GlobalSetup]
        public void Setup()
        {
            var random = new Random(1);
            _stripeKey = "sk_live_" + Random(random, 40);
            _sourceLikeText = SourceLike(random, 1 << 20, secretEvery: 0);
            _denseSecretsText = SourceLike(random, 1 << 20, secretEvery: 4);
        }

        [Benchmark(Description = "Scan: log message literal (no hint)")]
        public object? ScanLogMessage() => SecretDetector.Scan(LogMessage);

        [Benchmark(Description = "Scan: route literal (no hint)")]
        public object? ScanRoute() => SecretDetector.Scan(Route);

        [Benchmark(Description = "Scan: SQL literal (no hint)")]
        public object? ScanSql() => SecretDetector.Scan(Sql);

        [Benchmark(Description = "Scan: literal with an anchor but no secret")]
        public object? ScanAnchorWithoutSecret() => SecretDetector.Scan(AnchorWithoutSecret);

        [Benchmark(Description = "Scan: Stripe live key literal")]
        public object? ScanStripeKey() => SecretDetector.Scan(_stripeKey);

        [Benchmark(Description = "Generic: score a secret-named value")]
        public object? ScoreGenericValue() => GenericSecrets.EvaluateValue("Xk9#mP2$vL7qZ4", GenericSecretOptions.Default);

        [Benchmark(Description = "Endpoints: public https URL literal")]
        public object? ScanPublicUrl() => EndpointScanner.Scan(PublicUrl);

        [Benchmark(Description = "Endpoints: log message literal")]
        public object? ScanLogMessageForEndpoints() => EndpointScanner.Scan(LogMessage);

        [Benchmark(Description = "Scan: 1 MiB source-like text, no secrets")]
        public object? ScanSourceText() => SecretDetector.Scan(_sourceLikeText);

        [Benchmark(Description = "Scan: 1 MiB source-like text, a secret every 4 lines")]
        public object? ScanDenseSecrets() => SecretDetector.Scan(_denseSecretsText);

        private static string Random(Random random, int length)
        {
            const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
            var chars = new char[length];
            for (var i = 0; i < length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }

            return new string(chars);
        }

        // Lines that look like backend code and config: routes, log templates, SQL, JSON, GUIDs, base64.
        private static string SourceLike(Random random, int size, int secretEvery)
        {
            var lines = new[]
            {
                "        app.MapGet(\"/api/orders/{id:int}\", async (int id, ShopDbContext db) => await db.Orders.FindAsync(id));",
                "        logger.LogInformation(\"Order {OrderId} shipped to {Country}\", order.Id, order.Country);",
                "        const string Sql = \"SELECT Id, Total FROM Orders WHERE CustomerId = @customerId\";",
                "        var payload = \"{\\\"sku\\\":\\\"TSHIRT-RED-M\\\",\\\"quantity\\\":2,\\\"currency\\\":\\\"EUR\\\"}\";",
                "        var correlationId = \"3fa85f64-5717-4562-b3fc-2c963f66afa6\";",
                "        var thumbnail = \"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==\";",
                "        var partner = new Uri(\"https://api.partner-shop.com/v2/rates\");",
                "        if (string.IsNullOrEmpty(options.ApiKeyHeaderName)) throw new InvalidOperationException(\"Missing header name\");",
            };

            var builder = new StringBuilder(size + 256);
            var line = 0;
            while (builder.Length < size)
            {
                if (secretEvery > 0 && line % secretEvery == 0)
                {
                    builder.Append("        var key = \"sk_live_").Append(Random(random, 40)).Append("\";\n");
                }
                else
                {
                    builder.Append(lines[line % lines.Length]).Append('\n');
                }

                line++;
            }

            return builder.ToString();
        }
    }
}
