using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LaunchReady.Analyzers.Infrastructure;
using LaunchReady.CodeFixes.Infrastructure;
using LaunchReady.Analyzers.Secrets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace LaunchReady.CodeFixes.Secrets
{
    /// <summary>
    /// LR0001/LR0002: replaces a hard-coded secret with a configuration lookup that fails loudly when
    /// the value is missing, and declares the variable as a secret in launchready.env.json when the
    /// project has one. Never writes the value anywhere.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HardcodedSecretFixer))]
    [Shared]
    public sealed class HardcodedSecretFixer : CodeFixProvider
    {
        private const string Title = "Read the secret from configuration";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } =
            ImmutableArray.Create(DiagnosticIds.ProviderSecret, DiagnosticIds.GenericSecret);

        public override FixAllProvider GetFixAllProvider() => new SolutionFixAll(Title, FixAsync);

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (FixableLiteral(root, diagnostic) is not null)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            Title,
                            ct => FixAsync(context.Document.Project.Solution, new[] { (context.Document.Id, ImmutableArray.Create(diagnostic)) }, ct),
                            equivalenceKey: Title),
                        diagnostic);
                }
            }
        }

        /// <summary>The string literal holding the secret, when it can be replaced by a non-constant expression.</summary>
        private static LiteralExpressionSyntax? FixableLiteral(SyntaxNode root, Diagnostic diagnostic)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var literal = node as LiteralExpressionSyntax ?? node.FirstAncestorOrSelf<LiteralExpressionSyntax>();
            if (literal is null || !literal.IsKind(SyntaxKind.StringLiteralExpression)
                || !diagnostic.Properties.TryGetValue(HardcodedSecretAnalyzer.EnvironmentVariableProperty, out var name) || string.IsNullOrEmpty(name))
            {
                return null;
            }

            // Attribute arguments, parameter defaults and switch labels must stay constants.
            foreach (var ancestor in literal.Ancestors())
            {
                if (ancestor is AttributeArgumentSyntax || ancestor is ParameterSyntax || ancestor is SwitchLabelSyntax || ancestor is CaseSwitchLabelSyntax)
                {
                    return null;
                }

                if (ancestor is StatementSyntax || ancestor is MemberDeclarationSyntax)
                {
                    break;
                }
            }

            return literal;
        }

        private static async Task<Solution> FixAsync(
            Solution solution,
            IEnumerable<(DocumentId Document, ImmutableArray<Diagnostic> Diagnostics)> work,
            CancellationToken cancellationToken)
        {
            var declared = new Dictionary<ProjectId, SortedSet<string>>();
            foreach (var (documentId, diagnostics) in work)
            {
                var document = solution.GetDocument(documentId);
                var root = document is null ? null : await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                var model = document is null ? null : await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                if (document is null || root is null || model is null)
                {
                    continue;
                }

                var replacements = new Dictionary<LiteralExpressionSyntax, string>();
                foreach (var diagnostic in diagnostics)
                {
                    var literal = FixableLiteral(root, diagnostic);
                    if (literal is not null && !replacements.ContainsKey(literal))
                    {
                        replacements[literal] = diagnostic.Properties[HardcodedSecretAnalyzer.EnvironmentVariableProperty]!;
                    }
                }

                if (replacements.Count == 0)
                {
                    continue;
                }

                // const declarations that hold a replaced literal can no longer be constants.
                var constants = replacements.Keys
                    .Select(l => (SyntaxNode?)l.FirstAncestorOrSelf<FieldDeclarationSyntax>() ?? l.FirstAncestorOrSelf<LocalDeclarationStatementSyntax>())
                    .Where(d => d is not null && Modifiers(d).Any(SyntaxKind.ConstKeyword))
                    .Select(d => d!)
                    .Distinct()
                    .ToList();

                var nodes = replacements.Keys.Cast<SyntaxNode>().Concat(constants).ToList();
                var newRoot = root.ReplaceNodes(nodes, (original, rewritten) =>
                {
                    if (original is LiteralExpressionSyntax literal && replacements.TryGetValue(literal, out var name))
                    {
                        return Lookup(model, literal, name).WithTriviaFrom(rewritten);
                    }

                    return WithoutConst(rewritten);
                });

                solution = solution.WithDocumentSyntaxRoot(documentId, newRoot);
                if (!declared.TryGetValue(document.Project.Id, out var names))
                {
                    names = new SortedSet<string>(System.StringComparer.Ordinal);
                    declared[document.Project.Id] = names;
                }

                names.UnionWith(replacements.Values);
            }

            foreach (var pair in declared)
            {
                solution = await EnvManifestEditor.DeclareSecretsAsync(solution, pair.Key, pair.Value, cancellationToken).ConfigureAwait(false);
            }

            return solution;
        }

        // configuration["NAME"] when an IConfiguration is in scope, else the process environment.
        private static ExpressionSyntax Lookup(SemanticModel model, LiteralExpressionSyntax literal, string name)
        {
            var configuration = ConfigurationInScope(model, literal);
            var system = ImportsSystem(model, literal) ? string.Empty : "System.";
            var text = configuration is null
                ? $"({system}Environment.GetEnvironmentVariable(\"{name}\") ?? throw new {system}InvalidOperationException(\"Environment variable {name} is not set\"))"
                : $"({configuration}[\"{name}\"] ?? throw new {system}InvalidOperationException(\"Configuration value {name} is not set\"))";
            return SyntaxFactory.ParseExpression(text).WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation);
        }

        // "Environment" already means System.Environment here (a using System; or implicit usings).
        private static bool ImportsSystem(SemanticModel model, SyntaxNode node) =>
            model.LookupNamespacesAndTypes(node.SpanStart, name: "Environment")
                .Any(s => s is INamedTypeSymbol type && type.ContainingNamespace.ToDisplayString() == "System");

        private static string? ConfigurationInScope(SemanticModel model, SyntaxNode node)
        {
            var enclosing = model.GetEnclosingSymbol(node.SpanStart);
            var isStatic = enclosing is null || enclosing.IsStatic || node.FirstAncestorOrSelf<FieldDeclarationSyntax>() is not null;
            foreach (var symbol in model.LookupSymbols(node.SpanStart))
            {
                var type = symbol switch
                {
                    ILocalSymbol local => local.Type,
                    IParameterSymbol parameter => parameter.Type,
                    IFieldSymbol field when field.IsStatic || !isStatic => field.Type,
                    IPropertySymbol property when property.IsStatic || !isStatic => property.Type,
                    _ => null,
                };

                if (type is INamedTypeSymbol { Name: "IConfiguration" } named
                    && named.ContainingNamespace.ToDisplayString() == "Microsoft.Extensions.Configuration")
                {
                    return symbol.Name;
                }
            }

            return null;
        }

        private static SyntaxTokenList Modifiers(SyntaxNode? declaration) => declaration switch
        {
            FieldDeclarationSyntax field => field.Modifiers,
            LocalDeclarationStatementSyntax local => local.Modifiers,
            _ => default,
        };

        private static SyntaxNode WithoutConst(SyntaxNode declaration)
        {
            switch (declaration)
            {
                case FieldDeclarationSyntax field:
                    var constToken = field.Modifiers.First(m => m.IsKind(SyntaxKind.ConstKeyword));
                    var replacement = SyntaxFactory.TokenList(
                        SyntaxFactory.Token(SyntaxKind.StaticKeyword).WithLeadingTrivia(constToken.LeadingTrivia).WithTrailingTrivia(SyntaxFactory.Space),
                        SyntaxFactory.Token(SyntaxKind.ReadOnlyKeyword).WithTrailingTrivia(constToken.TrailingTrivia));
                    var index = field.Modifiers.IndexOf(constToken);
                    var modifiers = field.Modifiers.RemoveAt(index).InsertRange(index, replacement);
                    return field.WithModifiers(modifiers);
                case LocalDeclarationStatementSyntax local:
                    var token = local.Modifiers.First(m => m.IsKind(SyntaxKind.ConstKeyword));
                    return local.WithModifiers(local.Modifiers.Remove(token)).WithLeadingTrivia(local.GetLeadingTrivia());
                default:
                    return declaration;
            }
        }
    }
}
