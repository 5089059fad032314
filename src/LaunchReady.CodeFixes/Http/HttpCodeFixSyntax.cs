using System.Linq;
using Microsoft.CodeAnalysis;

namespace LaunchReady.CodeFixes.Http
{
    internal static class HttpCodeFixSyntax
    {
        /// <summary>"TimeSpan" where <c>using System;</c> (or implicit usings) brings it into scope, else "System.TimeSpan".</summary>
        public static string TypeName(SemanticModel model, int position, string @namespace, string name) =>
            model.LookupNamespacesAndTypes(position, name: name).Any(s => s is INamedTypeSymbol type && type.ContainingNamespace.ToDisplayString() == @namespace)
                ? name
                : @namespace + "." + name;
    }
}
