using System.Threading.Tasks;
using LaunchReady.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = LaunchReady.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LaunchReady.Analyzers.EntityFramework.EfQueryInLoopAnalyzer>;

namespace LaunchReady.Analyzers.Tests.EntityFramework
{
    /// <summary>Realistic code found to be misreported in review, kept as regression tests.</summary>
    public class EfRegressionTests
    {
        private const string Model = """
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.EntityFrameworkCore;
            using Microsoft.Extensions.DependencyInjection;

            public class Order { public int Id { get; set; } public int CustomerId { get; set; } public DateTime? ProcessedAt { get; set; } }
            public class Customer { public int Id { get; set; } }

            public class ShopContext : DbContext
            {
                public DbSet<Order> Orders => Set<Order>();
                public DbSet<Customer> Customers => Set<Customer>();
            }

            public interface IOrderRepository { Task<Order?> GetByIdAsync(int id); }

            public class OrderRepository(ShopContext db) : IOrderRepository
            {
                public Task<Order?> GetByIdAsync(int id) => db.Orders.FirstOrDefaultAsync(o => o.Id == id);
            }

            """;

        private static Task Verify(string code) =>
            new VerifyCS.Test { TestCode = Model + code, ReferenceAssemblies = TestReferences.EfCore80 }.RunAsync();

        [Fact]
        public async Task PollingWorkersPagingChunksBatchesAndPerTenantContexts_AreNotN1()
        {
            await Verify("""
                public class Jobs(IServiceScopeFactory scopes, ShopContext db)
                {
                    public async Task Outbox(CancellationToken stoppingToken)
                    {
                        while (!stoppingToken.IsCancellationRequested)
                        {
                            using var scope = scopes.CreateScope();
                            var scoped = scope.ServiceProvider.GetRequiredService<ShopContext>();
                            var cutoff = DateTime.UtcNow.AddMinutes(-5);
                            var pending = await scoped.Orders.Where(o => o.ProcessedAt == null && o.ProcessedAt < cutoff).ToListAsync(stoppingToken);
                            await scoped.SaveChangesAsync(stoppingToken);
                            await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
                        }
                    }

                    public async Task Pages(CancellationToken ct)
                    {
                        var lastId = 0;
                        while (true)
                        {
                            var batch = await db.Orders.Where(o => o.Id > lastId).OrderBy(o => o.Id).Take(500).ToListAsync(ct);
                            if (batch.Count == 0) break;
                            lastId = batch[^1].Id;
                        }
                    }

                    public async Task Chunks(List<int> ids, List<Customer> rows)
                    {
                        foreach (var chunk in ids.Chunk(1000))
                        {
                            var found = await db.Customers.Where(c => chunk.Contains(c.Id)).ToListAsync();
                        }

                        foreach (var chunk in rows.Chunk(500))
                        {
                            db.Customers.AddRange(chunk);
                            await db.SaveChangesAsync();
                        }

                        var count = 0;
                        foreach (var row in rows)
                        {
                            db.Customers.Add(row);
                            if (++count % 500 == 0)
                            {
                                await db.SaveChangesAsync();
                            }
                        }
                    }

                    public async Task Seed()
                    {
                        foreach (var name in new List<string> { "Books", "Games" })
                        {
                            if (!await db.Customers.AnyAsync(c => c.Id == name.Length)) { }
                        }
                    }
                }
                """);
        }

        [Fact]
        public async Task InterfacesNestedLoopsLongChainsAndCallbacks_AreStillN1()
        {
            await Verify("""
                public class Pages(ShopContext db, IOrderRepository orders)
                {
                    public async Task Render(List<int> ids, List<Order> list)
                    {
                        foreach (var id in ids)
                        {
                            var order = await orders.{|LR0030:GetByIdAsync(id)|};
                            var page = await db.Orders.AsNoTracking().Where(o => o.CustomerId == id).OrderBy(o => o.Id).ThenBy(o => o.CustomerId).Where(o => o.Id > 0).{|LR0030:ToListAsync()|};
                            await Task.Run(async () => await db.Customers.{|LR0030:FindAsync(id)|});
                        }

                        foreach (var outer in list)
                        {
                            for (var attempt = 0; attempt < 3; attempt++)
                            {
                                var customer = await db.Customers.{|LR0030:FindAsync(outer.CustomerId)|};
                            }
                        }

                        for (var i = list.Count - 1; i >= 0; i--)
                        {
                            var customer = await db.Customers.{|LR0030:FindAsync(list[i].CustomerId)|};
                        }

                        var names = db.Orders.ToList().Select(o => db.Customers.{|LR0030:Find(o.CustomerId)|}).ToList();
                        var translated = db.Orders.Select(o => new { o.Id, N = db.Customers.Count(c => c.Id == o.CustomerId) }).ToList();
                    }
                }
                """);
        }
    }
}
