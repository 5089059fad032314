using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LaunchReady.Analyzers.Http;
using LaunchReady.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace LaunchReady.Analyzers.Tests.Http
{
    /// <summary>
    /// The registrations that decide a client's lifetime are read per file and kept per syntax tree; a new
    /// compilation that reuses a file's tree (as the IDE does after an edit elsewhere) must still see
    /// registrations added or removed in the other files.
    /// </summary>
    public class HttpCompilationIndexTests
    {
        private const string Worker = """
            using System.Net.Http;

            public class Worker
            {
                private readonly HttpClient _client;

                public Worker() { _client = new HttpClient(); }
            }
            """;

        private const string Unregistered = "public static class Startup { public static void Configure(object services) { } }";

        private const string RegisteredPerRequest = """
            public static class Startup
            {
                public static void Configure(dynamic services) { services.AddScoped<Worker>(); }
            }
            """;

        [Fact]
        public async Task A_RegistrationEditedInAnotherFile_ChangesTheVerdictOnAnUnchangedFile()
        {
            var worker = CSharpSyntaxTree.ParseText(Worker, path: "/app/Worker.cs");
            var unregistered = CSharpSyntaxTree.ParseText(Unregistered, path: "/app/Startup.cs");
            var first = FrameworkCompilation.Create("Index", "", "/app/Empty.cs").AddSyntaxTrees(worker, unregistered);
            Assert.Empty(await PerOperationFindings(first));

            var registered = CSharpSyntaxTree.ParseText(RegisteredPerRequest, path: "/app/Startup.cs");
            var second = first.ReplaceSyntaxTree(unregistered, registered);
            Assert.Same(worker, second.SyntaxTrees.Single(t => t.FilePath == "/app/Worker.cs"));
            Assert.Single(await PerOperationFindings(second));

            var third = second.ReplaceSyntaxTree(registered, CSharpSyntaxTree.ParseText(Unregistered, path: "/app/Startup.cs"));
            Assert.Empty(await PerOperationFindings(third));
        }

        private static async Task<ImmutableArray<Diagnostic>> PerOperationFindings(Compilation compilation)
        {
            var diagnostics = await compilation
                .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new HttpClientLifetimeAnalyzer()))
                .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            return diagnostics.Where(d => d.Id == "LR0023").ToImmutableArray();
        }
    }
}
