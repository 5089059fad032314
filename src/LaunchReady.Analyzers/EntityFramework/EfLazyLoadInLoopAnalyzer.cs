using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using LaunchReady.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LaunchReady.Analyzers.EntityFramework
{
    /// <summary>
    /// LR0031: with lazy loading on (UseLazyLoadingProxies, or entities taking an ILazyLoader), reading a
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

                var compilation = start.Compilation;
                var lazyLoadingOn = new Lazy<bool>(() => LazyLoadingIsOn(compilation, start.CancellationToken), LazyThreadSafetyMode.ExecutionAndPublication);
                var queries = new EfQueries(types);
                var testCode = TestCodeFilter.Create(start.Compilation, start.Options);
                start.RegisterOperationAction(testCode.OutsideTests(c => Analyze(c, queries, lazyLoadingOn)), OperationKind.PropertyReference);
            });
        }

        private static void Analyze(OperationAnalysisContext context, EfQueries queries, Lazy<bool> lazyLoadingOn)
        {
            var reference = (IPropertyReferenceOperation)context.Operation;
            if (!IsNavigation(reference.Property)
                || reference.Instance is not ILocalReferenceOperation item
                || FindLoopOver(reference, item.Local) is not { } loop
                || !lazyLoadingOn.Value)
            {
                return;
            }

            var source = QuerySource(loop.Collection, queries);
            if (source is null || IncludesOrProjects(source, reference.Property.Name))
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Rule,
                reference.Syntax.GetLocation(),
                new[] { EfLoops.Keyword(loop.Syntax) },
                reference.Property.Name,
                item.Local.Name));
        }

        // Lazy-loading proxies need virtual navigations: a virtual property whose type is a class of the
        // project, or a collection of one.
        private static bool IsNavigation(IPropertySymbol property)
        {
            if (!property.IsVirtual && !property.IsOverride)
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
        private static IOperation? QuerySource(IOperation collection, EfQueries queries)
        {
            while (collection is IConversionOperation conversion)
            {
                collection = conversion.Operand;
            }

            if (queries.IsQuery(collection, 0))
            {
                return collection;
            }

            if (collection is ILocalReferenceOperation local && local.SemanticModel is { } model
                && local.Local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is VariableDeclaratorSyntax { Initializer: { } initializer }
                && initializer.SyntaxTree == model.SyntaxTree)
            {
                var value = model.GetOperation(initializer.Value);
                while (value is IAwaitOperation or IConversionOperation)
                {
                    value = value is IAwaitOperation awaited ? awaited.Operation : ((IConversionOperation)value).Operand;
                }

                if (value is IInvocationOperation materialized && materialized.Arguments.Length > 0 && queries.IsQuery(materialized.Arguments[0].Value, 0))
                {
                    return materialized;
                }
            }

            return null;
        }

        // Include(o => o.Customer), ThenInclude(...), or a Select projection anywhere in the query chain.
        private static bool IncludesOrProjects(IOperation query, string navigation)
        {
            foreach (var call in query.DescendantsAndSelf().OfType<IInvocationOperation>())
            {
                var name = call.TargetMethod.Name;
                if (name is "Select" or "SelectMany")
                {
                    return true;
                }

                if (name is "Include" or "ThenInclude" && call.Syntax.ToString().IndexOf(navigation, StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool LazyLoadingIsOn(Compilation compilation, CancellationToken cancellationToken)
        {
            foreach (var tree in compilation.SyntaxTrees)
            {
                foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
                {
                    if (node is IdentifierNameSyntax { Identifier.ValueText: "UseLazyLoadingProxies" or "ILazyLoader" })
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
