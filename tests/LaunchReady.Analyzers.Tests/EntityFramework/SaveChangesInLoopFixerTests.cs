using System.Threading;
using System.Threading.Tasks;
using LaunchReady.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace LaunchReady.Analyzers.Tests.EntityFramework
{
    public class SaveChangesInLoopFixerTests
    {
        private const string Model = """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.EntityFrameworkCore;

            public class Customer { public int Id { get; set; } }

            public class ShopContext : DbContext
            {
                public DbSet<Customer> Customers => Set<Customer>();
            }

            """;

        [Fact]
        public async Task SaveAtTheEndOfTheBody_MovesAfterTheLoop()
        {
            await new CSharpCodeFixTest<LaunchReady.Analyzers.EntityFramework.EfQueryInLoopAnalyzer, LaunchReady.CodeFixes.EntityFramework.SaveChangesInLoopFixer, DefaultVerifier>
            {
                TestCode = Model + """
                    public class Import(ShopContext db)
                    {
                        public async Task Run(List<Customer> incoming, CancellationToken ct)
                        {
                            foreach (var customer in incoming)
                            {
                                db.Customers.Add(customer);
                                await db.{|LR0032:SaveChangesAsync(ct)|};
                            }
                        }

                        public void Keep(List<Customer> incoming)
                        {
                            foreach (var customer in incoming)
                            {
                                db.{|LR0032:SaveChanges()|};
                                db.Customers.Add(customer);
                            }
                        }
                    }
                    """,
                FixedCode = Model + """
                    public class Import(ShopContext db)
                    {
                        public async Task Run(List<Customer> incoming, CancellationToken ct)
                        {
                            foreach (var customer in incoming)
                            {
                                db.Customers.Add(customer);
                            }
                            await db.SaveChangesAsync(ct);
                        }

                        public void Keep(List<Customer> incoming)
                        {
                            foreach (var customer in incoming)
                            {
                                db.{|LR0032:SaveChanges()|};
                                db.Customers.Add(customer);
                            }
                        }
                    }
                    """,
                ReferenceAssemblies = TestReferences.EfCore80,

                // The second save is not last in its loop body, so it keeps its finding and gets no fix.
                FixedState = { MarkupHandling = MarkupMode.Allow },
            }.RunAsync(CancellationToken.None);
        }
    }
}
