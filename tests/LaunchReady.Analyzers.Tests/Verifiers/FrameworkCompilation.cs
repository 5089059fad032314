using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace LaunchReady.Analyzers.Tests.Verifiers
{
    /// <summary>
    /// A compilation of one file against the running framework only, for tests that drive
    /// CompilationWithAnalyzers themselves. With the test run's own references (xunit) the code would
    /// count as test code and be skipped.
    /// </summary>
    public static class FrameworkCompilation
    {
        private static readonly IReadOnlyList<MetadataReference> References = LoadReferences();

        public static CSharpCompilation Create(string assemblyName, string source, string path) =>
            CSharpCompilation.Create(
                assemblyName,
                new[] { CSharpSyntaxTree.ParseText(source, path: path) },
                References,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        private static IReadOnlyList<MetadataReference> LoadReferences()
        {
            var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
            return Directory.GetFiles(runtime, "System*.dll").Concat(new[] { Path.Combine(runtime, "netstandard.dll") })
                .Where(File.Exists)
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
                .ToList();
        }
    }

    /// <summary>An AdditionalText held in memory (a manifest, a baseline, a settings file).</summary>
    public sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text, Encoding.UTF8);
    }
}
