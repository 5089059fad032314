using Microsoft.CodeAnalysis;

namespace LaunchReady.Analyzers.EntityFramework
{
    /// <summary>The EF Core and LINQ symbols the N+1 rules need, resolved once per compilation; null when EF Core is not referenced.</summary>
    internal sealed class EfTypes
    {
        private EfTypes(Compilation compilation, INamedTypeSymbol dbContext)
        {
            DbContext = dbContext;
            DbSet = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.DbSet`1");
            Queryable = compilation.GetTypeByMetadataName("System.Linq.Queryable");
            Enumerable = compilation.GetTypeByMetadataName("System.Linq.Enumerable");
            QueryableOfT = compilation.GetTypeByMetadataName("System.Linq.IQueryable`1");
        }

        public INamedTypeSymbol DbContext { get; }

        public INamedTypeSymbol? DbSet { get; }

        public INamedTypeSymbol? Queryable { get; }

        public INamedTypeSymbol? Enumerable { get; }

        public INamedTypeSymbol? QueryableOfT { get; }

        public static EfTypes? Create(Compilation compilation)
        {
            var dbContext = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.DbContext");
            return dbContext is null ? null : new EfTypes(compilation, dbContext);
        }

        public bool IsDbContext(ITypeSymbol? type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, DbContext))
                {
                    return true;
                }
            }

            return false;
        }

        public bool IsDbSet(ITypeSymbol? type) =>
            type is INamedTypeSymbol named && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, DbSet);

        public bool IsQueryable(ITypeSymbol? type)
        {
            if (type is null || QueryableOfT is null)
            {
                return false;
            }

            if (type is INamedTypeSymbol named && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, QueryableOfT))
            {
                return true;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, QueryableOfT))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
