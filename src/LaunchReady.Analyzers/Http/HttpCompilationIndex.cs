using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LaunchReady.Analyzers.Http
{
    /// <summary>
    /// Facts about the whole compilation that decide single findings: a <c>ConfigureHttpClientDefaults</c>
    /// that gives every client a timeout, and which types are registered as singletons or per request.
    /// Computed once per compilation, on first need, from facts kept per file (one walk over its invocations).
    /// </summary>
    internal sealed class HttpCompilationIndex
    {
        private static readonly string[] TimeoutProviders = { "AddStandardResilienceHandler", "AddStandardHedgingHandler" };

        private readonly Lazy<Facts> _facts;

        public HttpCompilationIndex(Compilation compilation, CancellationToken cancellationToken)
        {
            _facts = new Lazy<Facts>(() => Build(compilation, cancellationToken), LazyThreadSafetyMode.ExecutionAndPublication);
        }

        public bool DefaultsGiveEveryClientATimeout => _facts.Value.DefaultsHaveTimeout;

        public bool IsSingleton(string typeName) => _facts.Value.Singletons.Contains(typeName);

        public bool IsPerRequest(string typeName) => _facts.Value.PerRequest.Contains(typeName);

        /// <summary>Does a builder lambda (ConfigureHttpClient, ConfigureHttpClientDefaults, AddResilienceHandler) give a timeout?</summary>
        public static bool GivesTimeout(SyntaxNode node) =>
            HttpSyntax.AssignsProperty(node, null, "Timeout") || HttpSyntax.Calls(node, TimeoutProviders)
            || HttpSyntax.Calls(node, "AddTimeout", "TimeoutAsync", "Timeout", "AddPolicyHandlerFromRegistry");

        // A file's facts depend on its syntax alone, and each new compilation of the IDE reuses the trees of the files
        // that did not change: after an edit only the edited file is walked again, and both HTTP analyzers share the walk.
        private static readonly ConditionalWeakTable<SyntaxTree, Facts> FactsByTree = new ConditionalWeakTable<SyntaxTree, Facts>();

        private static Facts Build(Compilation compilation, CancellationToken cancellationToken)
        {
            var facts = new Facts();
            foreach (var tree in compilation.SyntaxTrees)
            {
                facts.Add(FactsByTree.GetValue(tree, t => Collect(t, cancellationToken)));
            }

            return facts;
        }

        private static Facts Collect(SyntaxTree tree, CancellationToken cancellationToken)
        {
            var facts = new Facts();
            foreach (var invocation in tree.GetRoot(cancellationToken).DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                var name = HttpSyntax.NameOf(invocation);
                switch (name)
                {
                    case "ConfigureHttpClientDefaults":
                        facts.DefaultsHaveTimeout |= GivesTimeout(invocation.ArgumentList);
                        break;
                    case "AddServiceDefaults":
                        // .NET Aspire's ServiceDefaults project adds the standard resilience handler to every client.
                        facts.DefaultsHaveTimeout = true;
                        break;
                    case "AddSingleton":
                    case "TryAddSingleton":
                    case "AddKeyedSingleton":
                    case "AddHostedService":
                        AddTypeArguments(invocation, facts.Singletons);
                        break;
                    case "AddScoped":
                    case "TryAddScoped":
                    case "AddKeyedScoped":
                    case "AddTransient":
                    case "TryAddTransient":
                    case "AddKeyedTransient":
                        AddTypeArguments(invocation, facts.PerRequest);
                        break;
                }
            }

            return facts;
        }

        // AddSingleton<IService, Implementation>(), AddSingleton<Implementation>(), AddSingleton(typeof(Implementation))
        private static void AddTypeArguments(InvocationExpressionSyntax invocation, HashSet<string> names)
        {
            var generic = invocation.Expression switch
            {
                MemberAccessExpressionSyntax { Name: GenericNameSyntax g } => g,
                GenericNameSyntax g => g,
                _ => null,
            };

            if (generic is not null)
            {
                foreach (var argument in generic.TypeArgumentList.Arguments)
                {
                    names.Add(SimpleName(argument));
                }
            }

            foreach (var argument in invocation.ArgumentList.Arguments)
            {
                if (argument.Expression is TypeOfExpressionSyntax typeOf)
                {
                    names.Add(SimpleName(typeOf.Type));
                }
            }
        }

        private static string SimpleName(TypeSyntax type) => type switch
        {
            QualifiedNameSyntax qualified => SimpleName(qualified.Right),
            GenericNameSyntax generic => generic.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            _ => type.ToString(),
        };

        private sealed class Facts
        {
            public bool DefaultsHaveTimeout { get; set; }

            public HashSet<string> Singletons { get; } = new HashSet<string>(StringComparer.Ordinal);

            public HashSet<string> PerRequest { get; } = new HashSet<string>(StringComparer.Ordinal);

            public void Add(Facts other)
            {
                DefaultsHaveTimeout |= other.DefaultsHaveTimeout;
                Singletons.UnionWith(other.Singletons);
                PerRequest.UnionWith(other.PerRequest);
            }
        }
    }
}
