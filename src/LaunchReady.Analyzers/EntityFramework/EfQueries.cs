using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LaunchReady.Analyzers.EntityFramework
{
    /// <summary>What is an EF Core query, and what executes one.</summary>
    internal sealed class EfQueries
    {
        private const int MaxDepth = 24;

        private static readonly string[] Materializing =
        {
            "ToList", "ToArray", "ToDictionary", "ToHashSet", "ToLookup", "First", "FirstOrDefault", "Single", "SingleOrDefault",
            "Last", "LastOrDefault", "Any", "All", "Count", "LongCount", "Sum", "Min", "Max", "Average", "Contains",
            "ElementAt", "ElementAtOrDefault", "MinBy", "MaxBy", "Aggregate", "ExecuteUpdate", "ExecuteDelete", "Load",
        };

        // EF Core's own async executors: distinctive enough to recognise in a repository method's body.
        private static readonly string[] AsyncExecutors =
        {
            "ToListAsync", "ToArrayAsync", "ToDictionaryAsync", "ToHashSetAsync", "FirstAsync", "FirstOrDefaultAsync", "SingleAsync",
            "SingleOrDefaultAsync", "LastAsync", "LastOrDefaultAsync", "AnyAsync", "AllAsync", "CountAsync", "LongCountAsync",
            "SumAsync", "MinAsync", "MaxAsync", "AverageAsync", "ContainsAsync", "ElementAtAsync", "ElementAtOrDefaultAsync",
            "FindAsync", "LoadAsync", "ExecuteUpdateAsync", "ExecuteDeleteAsync",
        };

        private static readonly string[] RawSql = { "ExecuteSqlRaw", "ExecuteSqlRawAsync", "ExecuteSql", "ExecuteSqlAsync", "ExecuteSqlInterpolated", "ExecuteSqlInterpolatedAsync" };

        private readonly EfTypes _types;
        private readonly Compilation _compilation;

        // Whether a method of the project runs queries or saves, decided once per method and compilation.
        private readonly System.Collections.Concurrent.ConcurrentDictionary<(IMethodSymbol Method, bool Saves), bool> _repositories =
            new System.Collections.Concurrent.ConcurrentDictionary<(IMethodSymbol, bool), bool>();

        public EfQueries(EfTypes types, Compilation compilation)
        {
            _types = types;
            _compilation = compilation;
        }

        /// <summary>Is this the context itself or how it was obtained (a scope, the provider)? Depending on it is not depending on an item.</summary>
        public bool IsInfrastructure(ITypeSymbol? type) =>
            _types.IsDbContext(type) || type?.Name is "IServiceScope" or "AsyncServiceScope" or "IServiceProvider" or "DatabaseFacade";

        /// <summary>Does this invocation run a database query (directly, or in a repository method of the project)? The name shown is returned.</summary>
        public string? ExecutedQuery(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            var name = method.Name;
            var baseName = name.EndsWith("Async", StringComparison.Ordinal) ? name.Substring(0, name.Length - 5) : name;

            if ((name == "Find" || name == "FindAsync") && _types.IsDbSet(invocation.Instance?.Type))
            {
                return name;
            }

            // db.Database.ExecuteSqlRawAsync(...), and compiled queries (EF.CompileAsyncQuery delegates).
            if ((Array.IndexOf(RawSql, name) >= 0 && (method.ReducedFrom ?? method).Parameters.FirstOrDefault()?.Type.Name == "DatabaseFacade")
                || (name == "Invoke" && IsCompiledQuery(invocation.Instance)))
            {
                return name == "Invoke" ? "compiled query" : name;
            }

            // context.Entry(order).Collection(o => o.Lines).Load()
            if ((name == "Load" || name == "LoadAsync") && invocation.Instance?.Type?.Name.EndsWith("Entry", StringComparison.Ordinal) == true)
            {
                return name;
            }

            if (Array.IndexOf(Materializing, baseName) >= 0 && IsLinqOrEf(method) && invocation.Arguments.Length > 0
                && IsQuery(invocation.Arguments[0].Value, 0))
            {
                return name;
            }

            return Repository(method, saves: false) ? name : null;
        }

        /// <summary>A call into the project's own data-access code whose body saves changes.</summary>
        public bool RepositorySaves(IMethodSymbol method) => Repository(method, saves: true);

        private static readonly string[] Saves = { "SaveChanges", "SaveChangesAsync" };

        private bool Repository(IMethodSymbol method, bool saves) =>
            (method.DeclaringSyntaxReferences.IsEmpty && method.ContainingType?.TypeKind != TypeKind.Interface)
                ? false
                : _repositories.GetOrAdd((method, saves), key => RepositoryExecutes(key.Method, key.Saves ? Saves : AsyncExecutors));

        /// <summary>Does this expression evaluate to an EF Core query (rather than an in-memory sequence)?</summary>
        public bool IsQuery(IOperation? operation, int depth)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            if (operation is null || depth > MaxDepth)
            {
                return false;
            }

            if (_types.IsDbSet(operation.Type))
            {
                return true;
            }

            switch (operation)
            {
                case IInvocationOperation invocation:
                    var method = invocation.TargetMethod;

                    // db.Orders.AsQueryable() and AsEnumerable() still run the query when enumerated; list.AsQueryable() is in memory.
                    // On a DbSet, AsQueryable() and AsAsyncEnumerable() are its own instance methods.
                    if (method.Name is "AsQueryable" or "AsEnumerable" or "AsAsyncEnumerable")
                    {
                        var source = invocation.Instance ?? (invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
                        return IsQuery(source, depth + 1);
                    }

                    if (method.Name == "SqlQuery" || method.Name == "SqlQueryRaw")
                    {
                        return true;
                    }

                    if ((method.Name == "Set" && _types.IsDbContext(invocation.Instance?.Type)) || method.Name.StartsWith("FromSql", StringComparison.Ordinal)
                        || (method.Name == "Query" && invocation.Instance?.Type?.Name.EndsWith("Entry", StringComparison.Ordinal) == true))
                    {
                        return true;
                    }

                    // Only operators that keep it a query (Where, Include, Take, ...); ToList and friends materialize it.
                    if (IsLinqOrEf(method) && invocation.Arguments.Length > 0 && _types.IsQueryable(method.ReturnType))
                    {
                        return IsQuery(invocation.Arguments[0].Value, depth + 1);
                    }

                    // A repository method of the project that hands out an IQueryable.
                    return _types.IsQueryable(method.ReturnType) && !method.DeclaringSyntaxReferences.IsEmpty;
                case IPropertyReferenceOperation property:
                    return _types.IsQueryable(property.Type) && !property.Property.DeclaringSyntaxReferences.IsEmpty;
                case ILocalReferenceOperation local:
                    return LocalIsQuery(local, depth);
                case IParameterReferenceOperation parameter:
                    return _types.IsQueryable(parameter.Type);
                default:
                    return false;
            }
        }

        // var query = db.Orders.Where(...); — follow the initializer in the same file.
        private bool LocalIsQuery(ILocalReferenceOperation local, int depth)
        {
            if (!_types.IsQueryable(local.Type))
            {
                return false;
            }

            var declarator = local.Local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() as VariableDeclaratorSyntax;
            if (declarator?.Initializer is null || local.SemanticModel is null || declarator.SyntaxTree != local.SemanticModel.SyntaxTree)
            {
                return true;
            }

            return IsQuery(local.SemanticModel.GetOperation(declarator.Initializer.Value), depth + 1);
        }

        private bool IsLinqOrEf(IMethodSymbol method)
        {
            var type = (method.ReducedFrom ?? method).ContainingType;
            return SymbolEqualityComparer.Default.Equals(type, _types.Queryable)
                || SymbolEqualityComparer.Default.Equals(type, _types.Enumerable)
                || type?.Name is "EntityFrameworkQueryableExtensions" or "RelationalQueryableExtensions";
        }

        // var byId = EF.CompileAsyncQuery((ShopContext db, int id) => ...); byId(db, id)
        private static bool IsCompiledQuery(IOperation? target)
        {
            var symbol = target switch
            {
                IFieldReferenceOperation field => (ISymbol)field.Field,
                IPropertyReferenceOperation property => property.Property,
                ILocalReferenceOperation local => local.Local,
                _ => null,
            };

            return symbol is not null && symbol.DeclaringSyntaxReferences.Any(reference =>
            {
                var text = reference.GetSyntax().ToString();
                return text.Contains("CompileAsyncQuery") || text.Contains("CompileQuery");
            });
        }

        // A method of the project, on a type that holds a DbContext or taking one (an extension method on the
        // context, a static query helper), whose body runs EF Core executors; for an interface method
        // (IOrderRepository), its implementations in the project.
        private bool RepositoryExecutes(IMethodSymbol method, string[] executors)
        {
            if (method.ContainingType?.TypeKind == TypeKind.Interface)
            {
                foreach (var candidate in _compilation.GetSymbolsWithName(method.Name, SymbolFilter.Member).OfType<IMethodSymbol>())
                {
                    if (SymbolEqualityComparer.Default.Equals(candidate.ContainingType.FindImplementationForInterfaceMember(method), candidate)
                        && RepositoryExecutes(candidate, executors))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (method.DeclaringSyntaxReferences.IsEmpty
                || !(HoldsDbContext(method.ContainingType) || (method.ReducedFrom ?? method).Parameters.Any(p => _types.IsDbContext(p.Type))))
            {
                return false;
            }

            return method.DeclaringSyntaxReferences.Any(reference => reference.GetSyntax().DescendantNodes().OfType<InvocationExpressionSyntax>()
                .Any(call => call.Expression is MemberAccessExpressionSyntax member && Array.IndexOf(executors, member.Name.Identifier.ValueText) >= 0));
        }

        private bool HoldsDbContext(INamedTypeSymbol? type)
        {
            if (type is null)
            {
                return false;
            }

            if (_types.IsDbContext(type))
            {
                return true;
            }

            foreach (var member in type.GetMembers())
            {
                var memberType = member switch
                {
                    IFieldSymbol field => field.Type,
                    IPropertySymbol property => property.Type,
                    IMethodSymbol { MethodKind: MethodKind.Constructor } ctor => ctor.Parameters.FirstOrDefault(p => _types.IsDbContext(p.Type))?.Type,
                    _ => null,
                };

                if (_types.IsDbContext(memberType))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
