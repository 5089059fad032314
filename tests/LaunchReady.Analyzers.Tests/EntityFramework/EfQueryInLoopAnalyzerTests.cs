using System.Threading.Tasks;
using LaunchReady.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = LaunchReady.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LaunchReady.Analyzers.EntityFramework.EfQueryInLoopAnalyzer>;

namespace LaunchReady.Analyzers.Tests.EntityFramework
{
    public class EfQueryInLoopAnalyzerTests
    {
        private const string Model = """
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.EntityFrameworkCore;

            public class Order { public int Id { get; set; } public int CustomerId { get; set; } public List<OrderLine> Lines { get; set; } = new(); }
            public class OrderLine { public int Id { get; set; } public int OrderId { get; set; } public int Quantity { get; set; } }
            public class Customer { public int Id { get; set; } public string Name { get; set; } = ""; }

            public class ShopContext : DbContext
            {
                public DbSet<Order> Orders => Set<Order>();
                public DbSet<OrderLine> OrderLines => Set<OrderLine>();
                public DbSet<Customer> Customers => Set<Customer>();
            }

            public class CustomerRepository(ShopContext db)
            {
                public Task<Customer?> GetAsync(int id) => db.Customers.FirstOrDefaultAsync(c => c.Id == id);
                public IQueryable<Order> OrdersOf(int customerId) => db.Orders.Where(o => o.CustomerId == customerId);
                public Task SaveAsync() => db.SaveChangesAsync();
            }

            """;

        private static Task Verify(string code) =>
            new VerifyCS.Test { TestCode = Model + code, ReferenceAssemblies = TestReferences.EfCore80 }.RunAsync();

        [Fact]
        public async Task QueriesExecutedPerIteration_ReportLR0030_InEveryLoopForm()
        {
            await Verify("""
                public class Pages(ShopContext db, CustomerRepository customers)
                {
                    public async Task Render(List<Order> orders, CancellationToken ct)
                    {
                        foreach (var order in orders)
                        {
                            var lines = await db.OrderLines.Where(l => l.OrderId == order.Id).{|LR0030:ToListAsync(ct)|};
                            var customer = await db.Customers.{|LR0030:FindAsync(order.CustomerId)|};
                            var named = await customers.{|LR0030:GetAsync(order.CustomerId)|};
                            var count = customers.OrdersOf(order.CustomerId).{|LR0030:Count()|};
                            foreach (var line in {|LR0030:db.OrderLines.Where(l => l.OrderId == order.Id)|}) { }
                        }

                        for (var i = 0; i < orders.Count; i++)
                        {
                            var first = db.Orders.{|LR0030:First(o => o.Id == orders[i].Id)|};
                        }

                        var index = 0;
                        while (index < orders.Count)
                        {
                            var any = await db.OrderLines.{|LR0030:AnyAsync(l => l.OrderId == orders[index].Id)|};
                            index++;
                        }

                        var totals = orders.Select(o => db.OrderLines.Where(l => l.OrderId == o.Id).{|LR0030:Sum(l => l.Quantity)|}).ToList();
                        var loaded = await Task.WhenAll(orders.Select(async o => await db.Orders.{|LR0030:SingleAsync(x => x.Id == o.Id)|}));
                        orders.ForEach(o => db.Entry(o).Collection(x => x.Lines).{|LR0030:Load()|});
                    }
                }
                """);
        }

        [Fact]
        public async Task QueriesBuiltFromAsQueryableAndContextHelpers_ReportLR0030()
        {
            await Verify("""
                public static class ShopQueries
                {
                    public static Task<Customer?> ByNameAsync(this ShopContext db, string name) => db.Customers.FirstOrDefaultAsync(c => c.Name == name);
                    public static Task<int> LineCountAsync(ShopContext db, int orderId) => db.OrderLines.CountAsync(l => l.OrderId == orderId);
                    public static string Label(this ShopContext db, Customer customer) => customer.Name.ToUpperInvariant();
                }

                public class Pages(ShopContext db)
                {
                    public async Task Render(List<int> ids, List<string> names)
                    {
                        foreach (var id in ids)
                        {
                            var query = db.Orders.AsQueryable();
                            query = query.Where(o => o.CustomerId == id);
                            var orders = await query.{|LR0030:ToListAsync()|};
                            var direct = await db.Orders.AsQueryable().Where(o => o.Id == id).{|LR0030:ToListAsync()|};
                            var lines = await ShopQueries.{|LR0030:LineCountAsync(db, id)|};
                        }

                        foreach (var name in names)
                        {
                            var customer = await db.{|LR0030:ByNameAsync(name)|};
                            var label = db.Label(new Customer { Name = name });
                        }
                    }
                }
                """);
        }

        [Fact]
        public async Task SingleQueriesInvariantQueriesAndInMemoryWork_AreNotN1()
        {
            await Verify("""
                public class Pages(ShopContext db)
                {
                    public async Task Render(List<int> ids)
                    {
                        var orders = await db.Orders.Where(o => ids.Contains(o.Id)).Include(o => o.Lines).ToListAsync();
                        var customers = await db.Customers.Where(c => orders.Select(o => o.CustomerId).Contains(c.Id)).ToDictionaryAsync(c => c.Id);
                        foreach (var order in orders)
                        {
                            var customer = customers[order.CustomerId];
                            var quantity = order.Lines.Sum(l => l.Quantity);
                            var cached = orders.AsQueryable().Where(o => o.CustomerId == order.CustomerId).ToList();
                            var defaults = await db.Customers.CountAsync();
                        }

                        var inMemory = db.Orders.AsEnumerable().Select(o => o.Lines.Count).ToList();
                        var translated = db.Orders.Select(o => o.Lines.Count()).ToList();

                        for (var attempt = 0; attempt < 3; attempt++)
                        {
                            var probe = await db.Orders.FirstOrDefaultAsync(o => o.Id == ids[attempt]);
                        }

                        foreach (var id in new[] { 1, 2 })
                        {
                            var known = await db.Orders.FindAsync(id);
                        }
                    }
                }
                """);
        }

        [Fact]
        public async Task SaveChangesPerIteration_ReportsLR0032_ButNotOneSaveOrARetriedSave()
        {
            await Verify("""
                public class Import(ShopContext db, CustomerRepository customers)
                {
                    public async Task Run(List<Customer> incoming)
                    {
                        foreach (var customer in incoming)
                        {
                            db.Customers.Add(customer);
                            await db.{|LR0032:SaveChangesAsync()|};
                            await customers.{|LR0032:SaveAsync()|};
                        }

                        incoming.ForEach(c => { db.Add(c); db.{|LR0032:SaveChanges()|}; });

                        db.Customers.AddRange(incoming);
                        await db.SaveChangesAsync();

                        for (var attempt = 0; ; attempt++)
                        {
                            try
                            {
                                await db.SaveChangesAsync();
                                break;
                            }
                            catch (DbUpdateConcurrencyException) when (attempt < 3)
                            {
                            }
                        }
                    }
                }
                """);
        }

        [Fact]
        public async Task CodeWithoutEfCore_IsNotAnalyzed()
        {
            await VerifyCS.VerifyAnalyzerAsync("""
                using System.Collections.Generic;
                using System.Linq;

                public class Lists
                {
                    public int Count(List<List<int>> groups) => groups.Sum(g => g.AsQueryable().Count());
                }
                """);
        }
    }
}
