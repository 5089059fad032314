using System.Threading.Tasks;
using LaunchReady.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = LaunchReady.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LaunchReady.Analyzers.EntityFramework.EfLazyLoadInLoopAnalyzer>;

namespace LaunchReady.Analyzers.Tests.EntityFramework
{
    public class EfLazyLoadInLoopAnalyzerTests
    {
        private const string Model = """
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            using Microsoft.EntityFrameworkCore;

            public class Order { public int Id { get; set; } public virtual Customer Customer { get; set; } = null!; public virtual List<OrderLine> Lines { get; set; } = new(); public string Number { get; set; } = ""; }
            public class OrderLine { public int Id { get; set; } public int Quantity { get; set; } public virtual Product Product { get; set; } = null!; }
            public class Product { public int Id { get; set; } public decimal Price { get; set; } }
            public class Customer { public int Id { get; set; } public string Name { get; set; } = ""; }

            public class ShopContext : DbContext
            {
                public DbSet<Order> Orders => Set<Order>();

                protected override void OnConfiguring(DbContextOptionsBuilder options) => options.UseLazyLoadingProxies();
            }

            """;

        [Fact]
        public async Task NavigationsOfEntitiesLoadedWithoutInclude_ReportLR0031()
        {
            await new VerifyCS.Test
            {
                TestCode = Model + """
                    public class Report(ShopContext db)
                    {
                        public async Task<int> Build()
                        {
                            var total = 0;
                            var orders = await db.Orders.Where(o => o.Id > 10).ToListAsync();
                            foreach (var order in orders)
                            {
                                total += {|LR0031:order.Customer|}.Name.Length;
                                total += {|LR0031:order.Lines|}.Count;
                                total += order.Number.Length;
                            }

                            foreach (var order in db.Orders)
                            {
                                total += {|LR0031:order.Lines|}.Count;
                            }

                            await foreach (var order in db.Orders.AsAsyncEnumerable())
                            {
                                total += {|LR0031:order.Customer|}.Name.Length;
                            }

                            var filtered = db.Orders.AsQueryable();
                            filtered = filtered.Where(o => o.Id > 20);
                            foreach (var order in await filtered.ToListAsync())
                            {
                                total += {|LR0031:order.Customer|}.Name.Length;
                            }

                            return total;
                        }
                    }
                    """,
                ReferenceAssemblies = TestReferences.EfCore10WithProxies,
            }.RunAsync();
        }

        [Fact]
        public async Task IncludedNavigationsAndProjections_AreFine()
        {
            await new VerifyCS.Test
            {
                TestCode = Model + """
                    public class Report(ShopContext db)
                    {
                        public async Task<int> Build()
                        {
                            var total = 0;
                            var orders = await db.Orders.Include(o => o.Customer).Include(o => o.Lines).ToListAsync();
                            foreach (var order in orders)
                            {
                                total += order.Customer.Name.Length + order.Lines.Count;
                            }

                            var rows = await db.Orders.Select(o => new { o.Number, CustomerName = o.Customer.Name }).ToListAsync();
                            foreach (var row in rows)
                            {
                                total += row.CustomerName.Length;
                            }

                            return total;
                        }
                    }
                    """,
                ReferenceAssemblies = TestReferences.EfCore10WithProxies,
            }.RunAsync();
        }

        [Fact]
        public async Task InMemoryIterationsAndIndexedLoops_OverLoadedEntities_ReportLR0031()
        {
            await new VerifyCS.Test
            {
                TestCode = Model + """
                    public class Row { public string Customer { get; set; } = ""; }

                    public class Report(ShopContext db)
                    {
                        public async Task<int> Build()
                        {
                            var total = 0;
                            var orders = await db.Orders.Where(o => o.Id > 10).ToListAsync();
                            for (var i = 0; i < orders.Count; i++)
                            {
                                total += {|#0:orders[i].Customer|}.Name.Length;
                            }

                            var rows = orders.Select(o => new Row { Customer = {|LR0031:o.Customer|}.Name }).ToList();
                            total += orders.Sum(o => {|LR0031:o.Lines|}.Count);
                            orders.Where(o => o.Id > 20).ToList().ForEach(o => total += {|LR0031:o.Lines|}.Count);
                            foreach (var order in orders.Where(o => o.Id > 30).OrderBy(o => o.Number))
                            {
                                total += {|LR0031:order.Customer|}.Name.Length;
                            }

                            var page = await db.Orders.Take(50).ToArrayAsync();
                            var index = 0;
                            while (index < page.Length)
                            {
                                total += {|LR0031:page[index].Lines|}.Count;
                                index++;
                            }

                            return total + rows.Count;
                        }
                    }
                    """,
                ExpectedDiagnostics = { VerifyCS.Diagnostic("LR0031").WithLocation(0).WithArguments("Customer", "orders[i]").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations) },
                ReferenceAssemblies = TestReferences.EfCore10WithProxies,
            }.RunAsync();
        }

        [Fact]
        public async Task TranslatedProjectionsIncludedNavigationsAndFixedIndexes_AreFine()
        {
            await new VerifyCS.Test
            {
                TestCode = Model + """
                    public class Row { public string Customer { get; set; } = ""; }

                    public class Report(ShopContext db)
                    {
                        public async Task<int> Build(List<Order> given)
                        {
                            var total = 0;

                            // Translated to SQL: one query with a join.
                            var names = await db.Orders.Select(o => new Row { Customer = o.Customer.Name }).ToListAsync();

                            var included = await db.Orders.Include(o => o.Customer).Where(o => o.Id > 10).ToListAsync();
                            var rows = included.Select(o => new Row { Customer = o.Customer.Name }).ToList();
                            for (var i = 0; i < included.Count; i++)
                            {
                                total += included[i].Customer.Name.Length;
                            }

                            // One entity, however often the loop runs; and entities that did not come from a query here.
                            var orders = await db.Orders.ToListAsync();
                            for (var i = 0; i < 100; i++)
                            {
                                total += orders[0].Customer.Name.Length;
                            }

                            total += given.Sum(o => o.Lines.Count);
                            total += orders.Sum(o => o.Number.Length);
                            return total + names.Count + rows.Count;
                        }
                    }
                    """,
                ReferenceAssemblies = TestReferences.EfCore10WithProxies,
            }.RunAsync();
        }

        [Fact]
        public async Task NavigationsOfItemsOfALazyCollection_ReportLR0031UnlessThenIncluded()
        {
            await new VerifyCS.Test
            {
                TestCode = Model + """
                    public class Invoice(ShopContext db)
                    {
                        public async Task<decimal> Total()
                        {
                            var total = 0m;
                            var orders = await db.Orders.Where(o => o.Id > 10).ToListAsync();
                            foreach (var order in orders)
                            {
                                foreach (var line in {|LR0031:order.Lines|})
                                {
                                    total += line.Quantity * {|#0:line.Product|}.Price;
                                }

                                total += {|LR0031:order.Lines|}.Sum(l => {|LR0031:l.Product|}.Price);
                            }

                            // The lines are included, their products are not: one query per line.
                            var withLines = await db.Orders.Include(o => o.Lines).ToListAsync();
                            foreach (var order in withLines)
                            {
                                total += order.Lines.Sum(l => {|LR0031:l.Product|}.Price);
                            }

                            // One order, loaded on its own: its lines load once, then each line's product on its own.
                            var single = await db.Orders.FirstAsync(o => o.Id == 7);
                            foreach (var line in single.Lines)
                            {
                                total += {|LR0031:line.Product|}.Price;
                            }

                            return total;
                        }

                        public async Task<decimal> Included(List<Order> given)
                        {
                            var total = 0m;
                            var orders = await db.Orders.Include(o => o.Lines).ThenInclude(l => l.Product).ToListAsync();
                            foreach (var order in orders)
                            {
                                foreach (var line in order.Lines)
                                {
                                    total += line.Product.Price;
                                }
                            }

                            // Entities that did not come from a query here, and a line read outside any loop.
                            foreach (var order in given)
                            {
                                total += order.Lines.Sum(l => l.Product.Price);
                            }

                            var withProducts = await db.Orders.Include(o => o.Lines).ThenInclude(l => l.Product).FirstAsync();
                            foreach (var line in withProducts.Lines)
                            {
                                total += line.Product.Price;
                            }

                            var first = await db.Orders.FirstAsync();
                            return total + first.Lines[0].Product.Price;
                        }
                    }
                    """,
                ExpectedDiagnostics = { VerifyCS.Diagnostic("LR0031").WithLocation(0).WithArguments("Product", "line").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations) },
                ReferenceAssemblies = TestReferences.EfCore10WithProxies,
            }.RunAsync();
        }

        [Fact]
        public async Task EntitiesTakingAnILazyLoader_LoadLazilyWithoutProxies()
        {
            await new VerifyCS.Test
            {
                TestCode = """
                    using System.Collections.Generic;
                    using System.Linq;
                    using System.Threading.Tasks;
                    using Microsoft.EntityFrameworkCore;
                    using Microsoft.EntityFrameworkCore.Infrastructure;

                    public class Blog
                    {
                        private readonly ILazyLoader? _loader;
                        private List<Post> _posts = new();

                        public Blog() { }

                        private Blog(ILazyLoader loader) => _loader = loader;

                        public int Id { get; set; }

                        public List<Post> Posts { get => _loader.Load(this, ref _posts)!; set => _posts = value; }
                    }

                    public class Post { public int Id { get; set; } }

                    public class BlogContext : DbContext
                    {
                        public DbSet<Blog> Blogs => Set<Blog>();
                    }

                    public class Feed(BlogContext db)
                    {
                        public async Task<int> Count()
                        {
                            var total = 0;
                            foreach (var blog in await db.Blogs.ToListAsync())
                            {
                                total += {|LR0031:blog.Posts|}.Count;
                            }

                            return total;
                        }
                    }
                    """,
                ReferenceAssemblies = TestReferences.EfCore80,
            }.RunAsync();
        }

        [Fact]
        public async Task WithoutLazyLoading_NavigationsAreNotLoadedAndNotReported()
        {
            await new VerifyCS.Test
            {
                TestCode = Model.Replace("options.UseLazyLoadingProxies()", "options.EnableSensitiveDataLogging()") + """
                    public class Report(ShopContext db)
                    {
                        public async Task<int> Build()
                        {
                            var orders = await db.Orders.ToListAsync();
                            return orders.Sum(o => o.Lines.Count);
                        }
                    }
                    """,
                ReferenceAssemblies = TestReferences.EfCore80,
            }.RunAsync();
        }
    }
}
