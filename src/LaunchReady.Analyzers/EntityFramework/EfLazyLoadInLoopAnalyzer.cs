using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using LaunchReady.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LaunchReady.Analyzers.EntityFramework
{
    /// <summary>
    /// LR0031: with lazy loading on (Microsoft.EntityFrameworkCore.Proxies referenced, or entities taking an ILazyLoader), reading a
    /// navigation of entities that a query loaded without Include, inside the loop over them.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class EfLazyLoadInLoopAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = RuleCatalog.Create(
            DiagnosticIds.LazyLoadInLoop,
            "Lazy-loaded navigation read inside a loop",
            "Reading '{0}' lazily loads it with one query per '{1}' (N+1); add Include(x => x.{0}) to the query or project what the loop needs",
            DiagnosticCategories.EntityFramework,
            DiagnosticSeverity.Warning,
            "With lazy loading, every first touch of a navigation is a hidden query; in a loop over a page of entities that is one query per row.");

        // How far back QuerySource follows locals and in-memory filters to find the query.
        private const int MaxSourceSteps = 8;

        // In-memory operators whose results are the same entities (the ones a lambda or loop after them sees).
        private static readonly string[] SameItemOperators =
        {
            "Where", "OrderBy", "OrderByDescending", "ThenBy", "ThenByDescending", "Skip", "Take", "SkipWhile", "TakeWhile",
            "Distinct", "DistinctBy", "Reverse", "AsEnumerable", "ToList", "ToArray",
        };

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var types = EfTypes.Create(start.Compilation);
                if (types is null)
                {
                    return;
                }

                // Proxies are referenced to be used; without them, only entities that take an ILazyLoader load lazily.
                var proxies = start.Compilation.ReferencedAssemblyNames.Any(a => a.Name == "Microsoft.EntityFrameworkCore.Proxies");
                var lazyLoader = start.Compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.Infrastructure.ILazyLoader");
                var queries = new EfQueries(types, start.Compilation);
                var testCode = TestCodeFilter.Create(start.Compilation, start.Options);
                var navigations = new LazyNavigations(proxies, lazyLoader);
                start.RegisterOperationAction(c => Analyze(c, queries, navigations, testCode), OperationKind.PropertyReference);
            });
        }

        private static void Analyze(
            OperationAnalysisContext context,
            EfQueries queries,
            LazyNavigations navigations,
            TestCodeFilter testCode)
        {
            // Every property read of the compilation comes here: the cheap questions go first, and whether a
            // type takes an ILazyLoader is worked out once per type.
            var reference = (IPropertyReferenceOperation)context.Operation;
            if (reference.Instance is not (ILocalReferenceOperation or IParameterReferenceOperation or IPropertyReferenceOperation or IArrayElementReferenceOperation)
                || !navigations.IsNavigation(reference.Property)
                || reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference // order.Customer = x loads nothing
                || reference.Parent is INameOfOperation
                || FindIteration(reference, queries) is not { } iteration
                || testCode.ShouldSkip(reference.Syntax.SyntaxTree))
            {
                return;
            }

            var source = QuerySource(iteration.Items, queries, navigations);
            if (source is null || IncludesOrProjects(source, reference.Property.Name) || IncludedThroughLocals(source, reference.Property.Name))
            {
                return;
            }

            context.ReportDiagnostic(Finding.Create(
                Rule,
                reference.Syntax.GetLocation(),
                new[] { EfLoops.Keyword(iteration.Loop) },
                reference.Property.Name,
                iteration.Item));
        }

        // The loop that hands out the entity a navigation is read from, and the sequence it goes over:
        //   foreach (var order in orders) ... order.Customer
        //   orders.Select(o => new OrderDto { Customer = o.Customer.Name })   (in memory; a query's Select is SQL)
        //   for (var i = 0; i < orders.Count; i++) ... orders[i].Customer
        private static Iteration? FindIteration(IPropertyReferenceOperation reference, EfQueries queries)
        {
            switch (reference.Instance)
            {
                case ILocalReferenceOperation local:
                    return FindLoopOver(reference, local.Local) is { } forEach ? new Iteration(forEach.Syntax, forEach.Collection, local.Local.Name) : null;
                case IParameterReferenceOperation { Parameter: { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } lambdaSymbol } parameter }:
                    for (var parent = reference.Parent; parent is not null; parent = parent.Parent)
                    {
                        if (parent is IAnonymousFunctionOperation lambda && SymbolEqualityComparer.Default.Equals(lambda.Symbol, lambdaSymbol))
                        {
                            return EfLoops.IteratingCall(lambda) is { } call && (call.Instance ?? call.Arguments.FirstOrDefault()?.Value) is { } items
                                ? new Iteration(call.Syntax, items, parameter.Name)
                                : null;
                        }
                    }

                    return null;
                case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: ILocalReferenceOperation list, Arguments.Length: 1 } indexer:
                    return IndexedInLoop(reference, indexer.Arguments[0].Value, queries) is { } listLoop
                        ? new Iteration(listLoop, list, indexer.Syntax.ToString())
                        : null;
                case IArrayElementReferenceOperation { ArrayReference: ILocalReferenceOperation array, Indices.Length: 1 } element:
                    return IndexedInLoop(reference, element.Indices[0], queries) is { } arrayLoop
                        ? new Iteration(arrayLoop, array, element.Syntax.ToString())
                        : null;
                default:
                    return null;
            }
        }

        // orders[i] in the body of a loop that moves i; orders[0] is one entity however often the loop runs.
        private static SyntaxNode? IndexedInLoop(IOperation reference, IOperation index, EfQueries queries)
        {
            for (var child = reference; child.Parent is { } parent; child = parent)
            {
                if (parent is ILoopOperation loop && child == loop.Body)
                {
                    return EfLoops.DependsOnLoop(index, loop.Syntax, queries) ? loop.Syntax : null;
                }

                if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return null;
                }
            }

            return null;
        }

        private sealed class Iteration(SyntaxNode loop, IOperation items, string item)
        {
            public SyntaxNode Loop { get; } = loop;

            public IOperation Items { get; } = items;

            public string Item { get; } = item;
        }

        private static IForEachLoopOperation? FindLoopOver(IOperation operation, ILocalSymbol item)
        {
            for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
            {
                if (parent is IForEachLoopOperation forEach && forEach.Locals.Contains(item, SymbolEqualityComparer.Default))
                {
                    return forEach;
                }
            }

            return null;
        }

        // The query the loop's entities came from: the sequence itself, or the local it was materialized into,
        // also through in-memory filters and orderings (orders.Where(o => o.Paid)) that hand out the same entities,
        // and through a lazily loaded collection of an entity of an outer loop (foreach (var line in order.Lines)):
        // each of its items loads its own navigations again, unless the query has ThenInclude'd them.
        private static IOperation? QuerySource(IOperation? collection, EfQueries queries, LazyNavigations navigations)
        {
            for (var step = 0; step < MaxSourceSteps; step++)
            {
                collection = Unwrap(collection);
                if (queries.IsQuery(collection, 0))
                {
                    return collection;
                }

                switch (collection)
                {
                    // foreach (var blog in await db.Blogs.ToListAsync())
                    case IInvocationOperation inline when inline.Arguments.Length > 0 && queries.IsQuery(inline.Arguments[0].Value, 0):
                        return inline;
                    case IInvocationOperation filter when filter.Arguments.Length > 0 && KeepsTheItems(filter.TargetMethod):
                        collection = filter.Arguments[0].Value;
                        break;
                    case IPropertyReferenceOperation navigation when navigations.IsNavigation(navigation.Property) && FindIteration(navigation, queries) is { } outer:
                        collection = outer.Items;
                        break;

                    // var order = await db.Orders.FirstAsync(...); foreach (var line in order.Lines) ... line.Product
                    case IPropertyReferenceOperation { Instance: ILocalReferenceOperation entity } navigation when navigations.IsNavigation(navigation.Property):
                        collection = Initializer(entity);
                        break;
                    case ILocalReferenceOperation local:
                        collection = Initializer(local);
                        break;
                    default:
                        return null;
                }
            }

            return null;
        }

        private static IOperation? Initializer(ILocalReferenceOperation local) =>
            local.SemanticModel is { } model
            && local.Local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is VariableDeclaratorSyntax { Initializer: { } initializer }
            && initializer.SyntaxTree == model.SyntaxTree
                ? model.GetOperation(initializer.Value)
                : null;

        private static bool KeepsTheItems(IMethodSymbol method) =>
            (method.ReducedFrom ?? method).ContainingType is { Name: "Enumerable" } type
            && type.ContainingNamespace?.ToDisplayString() == "System.Linq"
            && Array.IndexOf(SameItemOperators, method.Name) >= 0;

        private static IOperation? Unwrap(IOperation? operation)
        {
            while (operation is IAwaitOperation or IConversionOperation)
            {
                operation = operation is IAwaitOperation awaited ? awaited.Operation : ((IConversionOperation)operation).Operand;
            }

            return operation;
        }

        // Include(o => o.Customer), ThenInclude(...), Include("Customer"), or a projection into new objects, in the query chain.
        private static bool IncludesOrProjects(IOperation query, string navigation)
        {
            foreach (var call in query.DescendantsAndSelf().OfType<IInvocationOperation>())
            {
                var name = call.TargetMethod.Name;
                if (name is "Select" or "SelectMany" && call.Arguments.Length > 1
                    && call.Arguments[1].Value.DescendantsAndSelf().Any(o => o is IAnonymousObjectCreationOperation or IObjectCreationOperation))
                {
                    return true;
                }

                if (name is "Include" or "ThenInclude" && MentionsNavigation(call.Syntax.ToString(), navigation))
                {
                    return true;
                }
            }

            return false;
        }

        // var query = db.Orders.Include(o => o.Customer); ... query = query.Where(...); var orders = await query.ToListAsync();
        private static bool IncludedThroughLocals(IOperation query, string navigation)
        {
            var scope = query.Syntax.FirstAncestorOrSelf<MemberDeclarationSyntax>() is { } member && member is not GlobalStatementSyntax
                ? (SyntaxNode)member
                : query.Syntax.SyntaxTree.GetRoot();
            var locals = query.DescendantsAndSelf().OfType<ILocalReferenceOperation>().Select(l => l.Local.Name).ToList();
            foreach (var local in locals)
            {
                var writes = scope.DescendantNodes().Where(n =>
                    (n is VariableDeclaratorSyntax declarator && declarator.Identifier.ValueText == local)
                    || (n is AssignmentExpressionSyntax { Left: IdentifierNameSyntax left } && left.Identifier.ValueText == local));
                if (writes.Any(w => MentionsNavigation(w.ToString(), navigation) && w.ToString().Contains("Include")))
                {
                    return true;
                }
            }

            return false;
        }

        // ".Customer" or "Customer" as a whole name, so that CustomerId does not count as Customer.
        private static bool MentionsNavigation(string text, string navigation) =>
            System.Text.RegularExpressions.Regex.IsMatch(text, "[.\"]" + System.Text.RegularExpressions.Regex.Escape(navigation) + "(?![A-Za-z0-9_])");

        // Which properties load lazily: virtual ones under proxies, or those of entities that take an ILazyLoader
        // (worked out once per type).
        private sealed class LazyNavigations(bool proxies, INamedTypeSymbol? lazyLoader)
        {
            private readonly ConcurrentDictionary<INamedTypeSymbol, bool> takesLazyLoader = new(SymbolEqualityComparer.Default);

            // A property whose type is a class of the project, or a collection of one, that loads lazily: virtual
            // under proxies, or on an entity that takes an ILazyLoader. The type's shape goes first: most property
            // reads are of strings, numbers and other structs, and settle the question without a look-up.
            public bool IsNavigation(IPropertySymbol property)
            {
                // Order, or ICollection<OrderLine> / List<OrderLine> for the entity type's collection.
                var type = property.Type as INamedTypeSymbol;
                if (type is { IsGenericType: true } && type.TypeArguments.Length == 1)
                {
                    type = type.TypeArguments[0] as INamedTypeSymbol;
                }

                if (type is not { TypeKind: TypeKind.Class, SpecialType: SpecialType.None })
                {
                    return false;
                }

                var lazy = (proxies && (property.IsVirtual || property.IsOverride))
                    || (lazyLoader is not null && property.ContainingType is { } entity
                        && (takesLazyLoader.TryGetValue(entity, out var known) ? known : takesLazyLoader.GetOrAdd(entity, TakesLazyLoader(entity))));
                return lazy && !type.DeclaringSyntaxReferences.IsEmpty;
            }

            private bool TakesLazyLoader(INamedTypeSymbol? entity) =>
                lazyLoader is not null && entity is not null && entity.GetMembers().Any(member => member switch
                {
                    IFieldSymbol field => SymbolEqualityComparer.Default.Equals(field.Type, lazyLoader),
                    IPropertySymbol property => SymbolEqualityComparer.Default.Equals(property.Type, lazyLoader),
                    IMethodSymbol { MethodKind: MethodKind.Constructor } ctor => ctor.Parameters.Any(p => SymbolEqualityComparer.Default.Equals(p.Type, lazyLoader)),
                    _ => false,
                });
        }
    }
}
