using System;
using System.Collections.Generic;
using System.Text;

namespace LaunchReady.Benchmarks
{
    /// <summary>
    /// Generates realistic backend code for the analyzer-cost bench: controllers, minimal APIs, EF Core
    /// repositories, HttpClient services, Polly policies, configuration reads, and thousands of string
    /// literals of every kind (routes, log messages, SQL, JSON, GUIDs, base64, URLs, near-miss secrets).
    /// Seeded, so every run compiles the same code.
    /// </summary>
    public static class CorpusGenerator
    {
        private static readonly string[] Literals =
        {
            "/api/v1/orders/{id:int}", "Order {OrderId} shipped to {Country}", "SELECT Id, Total FROM Orders WHERE CustomerId = @id",
            "{\"sku\":\"TSHIRT-RED-M\",\"qty\":2}", "3fa85f64-5717-4562-b3fc-2c963f66afa6", "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJ",
            "https://api.partner-shop.com/v2/rates", "X-Api-Key", "application/json", "Bearer", "api_key", "password_too_short",
            "https://login.shop.com/oauth2/v2.0/token", "Information", "ConnectionStrings:Shop", "Payments:ApiKey", "text/html; charset=utf-8",
            "http://www.w3.org/2001/XMLSchema", "yyyy-MM-dd'T'HH:mm:ss", "Please enter your password", "refresh-token:v2", "AUTH_001",
        };

        /// <summary>The generated files: name and text.</summary>
        public static List<(string Name, string Text)> Generate(int files, int linesPerFile, int largeFileLines)
        {
            var random = new Random(42);
            var result = new List<(string, string)> { ("Model.cs", Model()) };
            for (var i = 0; i < files; i++)
            {
                result.Add(($"Feature{i}.cs", Feature(i, linesPerFile, random)));
            }

            result.Add(("LargeFeature.cs", Feature(files, largeFileLines, random)));
            return result;
        }

        private static string Model() => """
            using System;
            using System.Collections.Generic;
            using Microsoft.EntityFrameworkCore;

            namespace Shop;

            public class Order { public int Id { get; set; } public int CustomerId { get; set; } public decimal Total { get; set; } public List<OrderLine> Lines { get; set; } = new(); }
            public class OrderLine { public int Id { get; set; } public int OrderId { get; set; } public int Quantity { get; set; } }
            public class Customer { public int Id { get; set; } public string Name { get; set; } = ""; }

            public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
            {
                public DbSet<Order> Orders => Set<Order>();
                public DbSet<OrderLine> OrderLines => Set<OrderLine>();
                public DbSet<Customer> Customers => Set<Customer>();
            }
            """;

        private static string Feature(int index, int lines, Random random)
        {
            var text = new StringBuilder();
            text.AppendLine("using System;\nusing System.Collections.Generic;\nusing System.Linq;\nusing System.Net.Http;\nusing System.Threading;\nusing System.Threading.Tasks;");
            text.AppendLine("using Microsoft.AspNetCore.Builder;\nusing Microsoft.AspNetCore.Http;\nusing Microsoft.AspNetCore.Mvc;\nusing Microsoft.EntityFrameworkCore;");
            text.AppendLine("using Microsoft.Extensions.Configuration;\nusing Microsoft.Extensions.DependencyInjection;\nusing Microsoft.Extensions.Logging;\nusing Polly;\n");
            text.AppendLine("namespace Shop;\n");
            var block = 0;
            while (CountLines(text) < lines)
            {
                var name = $"F{index}B{block++}";
                switch (block % 5)
                {
                    case 0:
                        text.AppendLine($$"""
                            [ApiController]
                            [Route("api/{{name.ToLowerInvariant()}}")]
                            public class {{name}}Controller(ShopContext db, ILogger<{{name}}Controller> logger) : ControllerBase
                            {
                                [HttpGet("{id:int}")]
                                public async Task<IActionResult> Get(int id, CancellationToken ct)
                                {
                                    logger.LogInformation("{{Pick(random)}} {Id}", id);
                                    var order = await db.Orders.Include(o => o.Lines).FirstOrDefaultAsync(o => o.Id == id, ct);
                                    return order is null ? NotFound("{{Pick(random)}}") : Ok(order);
                                }

                                [HttpGet]
                                public Task<List<Order>> List(int customerId, CancellationToken ct) =>
                                    db.Orders.Where(o => o.CustomerId == customerId).OrderBy(o => o.Id).Take(50).ToListAsync(ct);
                            }
                            """);
                        break;
                    case 1:
                        text.AppendLine($$"""
                            public class {{name}}Repository(ShopContext db)
                            {
                                public Task<Customer?> FindAsync(int id) => db.Customers.FirstOrDefaultAsync(c => c.Id == id);

                                public async Task<Dictionary<int, Customer>> ManyAsync(IReadOnlyCollection<int> ids) =>
                                    await db.Customers.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id);

                                public async Task ImportAsync(IEnumerable<Customer> rows)
                                {
                                    db.Customers.AddRange(rows);
                                    await db.SaveChangesAsync();
                                }
                            }
                            """);
                        break;
                    case 2:
                        text.AppendLine($$"""
                            public class {{name}}Client(HttpClient http, IConfiguration configuration)
                            {
                                private const string Route = "{{Pick(random)}}";
                                private static readonly IAsyncPolicy<HttpResponseMessage> Retry = Policy<HttpResponseMessage>
                                    .Handle<HttpRequestException>()
                                    .WaitAndRetryAsync(3, attempt => TimeSpan.FromSeconds(Math.Pow(2, attempt)));

                                public int Timeout => configuration.GetValue<int>("Partners:{{name}}:TimeoutSeconds", 10);

                                public string? ApiKey => Environment.GetEnvironmentVariable("{{name.ToUpperInvariant()}}_API_KEY")
                                    ?? configuration.GetSection("Partners").GetSection("{{name}}")["ApiKey"];

                                public string? Database => configuration.GetConnectionString("{{name}}");

                                public async Task<string> FetchAsync(string key, CancellationToken ct)
                                {
                                    var baseUrl = configuration["Partners:{{name}}:BaseUrl"] ?? throw new InvalidOperationException("{{Pick(random)}}");
                                    var response = await Retry.ExecuteAsync(() => http.GetAsync($"{baseUrl}/items/{key}?format=json&v={{random.Next(1, 9)}}", ct));
                                    return await response.Content.ReadAsStringAsync(ct);
                                }
                            }
                            """);
                        break;
                    case 3:
                        text.AppendLine($$"""
                            public static class {{name}}Endpoints
                            {
                                public static void Map(WebApplication app) =>
                                    app.MapGet("/{{name.ToLowerInvariant()}}/{id:int}", async (int id, ShopContext db) =>
                                        await db.Orders.FindAsync(id) is { } order ? Results.Ok(order) : Results.NotFound());

                                public static void Register(IServiceCollection services) =>
                                    services.AddHttpClient<{{name}}Helper>(c => c.Timeout = TimeSpan.FromSeconds(5));
                            }

                            public class {{name}}Helper(HttpClient http) { public HttpClient Http => http; }
                            """);
                        break;
                    default:
                        text.AppendLine($"public static class {name}Constants\n{{");
                        for (var i = 0; i < 40; i++)
                        {
                            text.AppendLine($"    public const string Value{i} = \"{Pick(random)}\";");
                        }

                        text.AppendLine("}");
                        break;
                }
            }

            return text.ToString();
        }

        /// <summary>
        /// The env manifest the corpus project ships: the generated clients' keys are declared except in one
        /// file out of ten, as in a project that adopted the manifest and has a few reads left to declare.
        /// </summary>
        public static string Manifest(int files)
        {
            var text = new StringBuilder("{\n  \"environments\": [\"Staging\", \"Production\"],\n  \"variables\": {\n");
            var entries = new List<string>();
            for (var file = 1; file < files; file += file % 10 == 9 ? 2 : 1)
            {
                for (var block = 1; block < 200; block += 5)
                {
                    var name = $"F{file}B{block}";
                    entries.Add($"    \"{name.ToUpperInvariant()}_API_KEY\": {{ \"secret\": true, \"required\": true }}");
                    entries.Add($"    \"Partners__{name}__TimeoutSeconds\": {{ \"default\": \"10\" }}");
                    entries.Add($"    \"ConnectionStrings__{name}\": {{ \"secret\": true, \"required\": [\"Production\"] }}");
                    entries.Add($"    \"Partners__{name}__BaseUrl\": {{ \"required\": true }}");
                    entries.Add($"    \"Partners__{name}__ApiKey\": {{ \"secret\": true }}");
                }
            }

            return text.Append(string.Join(",\n", entries)).Append("\n  }\n}\n").ToString();
        }

        // A literal ready to sit between the quotes of a regular C# string.
        private static string Pick(Random random) => Literals[random.Next(Literals.Length)].Replace("\"", "\\\"");

        private static int CountLines(StringBuilder text)
        {
            var count = 0;
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\n')
                {
                    count++;
                }
            }

            return count;
        }
    }
}
