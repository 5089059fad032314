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
                var takesLazyLoader = new ConcurrentDictionary<INamedTypeSymbol, bool>(SymbolEqualityComparer.Default);
                start.RegisterOperationAction(c => Analyze(c, queries, proxies, lazyLoader, takesLazyLoader, testCode), OperationKind.PropertyReference);
            });
        }

        private static void Analyze(
            OperationAnalysisContext context,
            EfQueries queries,
            bool proxies,
            INamedTypeSymbol? lazyLoader,
            ConcurrentDictionary<INamedTypeSymbol, bool> takesLazyLoader,
            TestCodeFilter testCode)
        {
            // Every property read of the compilation comes here: the cheap questions go first, and whether a
            // type takes an ILazyLoader is worked out once per type.
            var reference = (IPropertyReferenceOperation)context.Operation;
            if (reference.Instance is not ILocalReferenceOperation item
                || !IsNavigation(reference.Property, proxies, lazyLoader, takesLazyLoader)
                || reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference // order.Customer = x loads nothing
                || reference.Parent is INameOfOperation
                || FindLoopOver(reference, item.Local) is not { } loop
                || testCode.ShouldSkip(reference.Syntax.SyntaxTree))
            {
                return;
            }

            var source = QuerySource(loop.Collection, queries);
            if (source is null || IncludesOrProjects(source, reference.Property.Name) || IncludedThroughLocals(source, reference.Property.Name))
            {
                return;
            }

            context.ReportDiagnostic(Finding.Create(
                Rule,
                reference.Syntax.GetLocation(),
                new[] { EfLoops.Keyword(loop.Syntax) },
                reference.Property.Name,
                item.Local.Name));
        }

        // A property whose type is a class of the project, or a collection of one, that loads lazily: virtual
        // under proxies, or on an entity that takes an ILazyLoader.
        private static bool IsNavigation(IPropertySymbol property, bool proxies, INamedTypeSymbol? lazyLoader, ConcurrentDictionary<INamedTypeSymbol, bool> takesLazyLoader)
        {
            var lazy = (proxies && (property.IsVirtual || property.IsOverride))
                || (lazyLoader is not null && property.ContainingType is { } entity && takesLazyLoader.GetOrAdd(entity, e => TakesLazyLoader(e, lazyLoader)));
            if (!lazy)
            {
                return false;
            }

            var type = property.Type as INamedTypeSymbol;
            if (type is { IsGenericType: true } && type.TypeArguments.Length == 1)
            {
                type = type.TypeArguments[0] as INamedTypeSymbol;
            }

            return type is { TypeKind: TypeKind.Class } && !type.DeclaringSyntaxReferences.IsEmpty;
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

        // The query the loop's entities came from: the collection itself, or the local it was materialized into.
        private static IOperation? QuerySource(IOperation? collection, EfQueries queries)
        {
            collection = Unwrap(collection);
            if (queries.IsQuery(collection, 0))
            {
                return collection;
            }

            // foreach (var blog in await db.Blogs.ToListAsync())
            if (collection is IInvocationOperation inline && inline.Arguments.Length > 0 && queries.IsQuery(inline.Arguments[0].Value, 0))
            {
                return inline;
            }

            if (collection is ILocalReferenceOperation local && local.SemanticModel is { } model
                && local.Local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is VariableDeclaratorSyntax { Initializer: { } initializer }
                && initializer.SyntaxTree == model.SyntaxTree)
            {
                var value = Unwrap(model.GetOperation(initializer.Value));
                if (value is IInvocationOperation materialized && materialized.Arguments.Length > 0 && queries.IsQuery(materialized.Arguments[0].Value, 0))
                {
                    return materialized;
                }
            }

            return null;
        }

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

        private static bool TakesLazyLoader(INamedTypeSymbol? entity, INamedTypeSymbol? lazyLoader) =>
            lazyLoader is not null && entity is not null && entity.GetMembers().Any(member => member switch
            {
                IFieldSymbol field => SymbolEqualityComparer.Default.Equals(field.Type, lazyLoader),
                IPropertySymbol property => SymbolEqualityComparer.Default.Equals(property.Type, lazyLoader),
                IMethodSymbol { MethodKind: MethodKind.Constructor } ctor => ctor.Parameters.Any(p => SymbolEqualityComparer.Default.Equals(p.Type, lazyLoader)),
                _ => false,
            });
    }
}
