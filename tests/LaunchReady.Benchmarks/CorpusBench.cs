using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime;
using System.Runtime.Loader;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LaunchReady.Benchmarks
{
    /// <summary>
    /// `dotnet run -c Release --project tests/LaunchReady.Benchmarks -- corpus`: what the analyzers cost on a
    /// generated 100,000-line backend, beside compile time, an empty analyzer and Sonar's matching rules.
    /// `... -- smoke &lt;folder&gt;` runs the analyzers over the .cs files of any folder and lists findings by rule.
    /// </summary>
    public static class CorpusBench
    {
        private static readonly string[] SonarRules = { "S2068", "S6418", "S1075", "S5332", "S6962" };

        // The corpus project's env manifest, so LR0050 runs (and is timed) as it does in a project that has one.
        private static readonly AnalyzerOptions CorpusOptions = new AnalyzerOptions(
            ImmutableArray.Create<AdditionalText>(new ManifestText("/corpus/launchready.env.json", CorpusGenerator.Manifest(40))));

        public static async Task<int> RunAsync()
        {
            var files = CorpusGenerator.Generate(files: 40, linesPerFile: 2_400, largeFileLines: 6_000);
            var lines = files.Sum(f => f.Text.Count(c => c == '\n'));
            Console.WriteLine($"Corpus: {files.Count} files, {lines:N0} lines, {Environment.ProcessorCount} cores, .NET {Environment.Version}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC");

            var ours = LaunchReadyAnalyzers();
            var sonar = SonarAnalyzers();

            // Warm up the compiler and every analyzer once, then measure on fresh compilations.
            await AnalyzeAsync(Compile(files), ours.Add(new EmptyAnalyzer()).AddRange(sonar));

            // Compile time is the denominator of every share: the median of three, like the analyzer times.
            var compileTimes = new List<TimeSpan>();
            var compileDiagnostics = ImmutableArray<Diagnostic>.Empty;
            for (var i = 0; i < 3; i++)
            {
                var compile = Stopwatch.StartNew();
                compileDiagnostics = Compile(files).GetDiagnostics();
                compileTimes.Add(compile.Elapsed);
            }

            var errors = compileDiagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
            foreach (var group in compileDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).GroupBy(d => d.Id).OrderByDescending(g => g.Count()).Take(3))
            {
                Console.WriteLine($"  {group.Key} x{group.Count()}: {group.First().GetMessage()}");
            }

            var ourTimes = await MedianAsync(files, ours, runCount: 5);
            var emptyTime = (await MedianAsync(files, ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyAnalyzer()))).Values.Sum(t => t.TotalMilliseconds);
            var sonarTimes = sonar.IsEmpty ? new Dictionary<string, TimeSpan>() : await MedianAsync(files, sonar);

            var compileMs = compileTimes.OrderBy(t => t).ElementAt(1).TotalMilliseconds;
            var oursMs = ourTimes.Values.Sum(t => t.TotalMilliseconds);
            var sonarMs = sonarTimes.Values.Sum(t => t.TotalMilliseconds);
            Console.WriteLine($"Compile (bind everything, {errors} errors): {compileMs:N0} ms");
            Console.WriteLine();
            Console.WriteLine("| Analyzer | Time (ms) | Share of compile |");
            Console.WriteLine("|---|---:|---:|");
            foreach (var pair in ourTimes.OrderByDescending(p => p.Value))
            {
                Console.WriteLine($"| {pair.Key} | {pair.Value.TotalMilliseconds:N1} | {100 * pair.Value.TotalMilliseconds / compileMs:N2} % |");
            }

            Console.WriteLine($"| **All LaunchReady analyzers** | **{oursMs:N1}** | **{100 * oursMs / compileMs:N2} %** |");
            Console.WriteLine($"| Empty analyzer (floor) | {emptyTime:N1} | {100 * emptyTime / compileMs:N2} % |");
            if (sonarTimes.Count > 0)
            {
                Console.WriteLine($"| SonarAnalyzer.CSharp {string.Join("/", SonarRules)} | {sonarMs:N1} | {100 * sonarMs / compileMs:N2} % |");
                Console.WriteLine();
                Console.WriteLine($"LaunchReady / Sonar (matching rules): {oursMs / sonarMs:N2}");
            }

            // The IDE case: the largest file analyzed on its own.
            var compilation = Compile(files);
            var large = compilation.SyntaxTrees.Single(t => t.FilePath.EndsWith("LargeFeature.cs", StringComparison.Ordinal));
            var withAnalyzers = compilation.WithAnalyzers(ours, new CompilationWithAnalyzersOptions(CorpusOptions, null, true, false));
            await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(large), null, CancellationToken.None);
            var document = Stopwatch.StartNew();
            var fresh = Compile(files);
            var freshLarge = fresh.SyntaxTrees.Single(t => t.FilePath.EndsWith("LargeFeature.cs", StringComparison.Ordinal));
            var freshAnalyzers = fresh.WithAnalyzers(ours, new CompilationWithAnalyzersOptions(CorpusOptions, null, true, false));
            await freshAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(freshLarge, CancellationToken.None);
            await freshAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(fresh.GetSemanticModel(freshLarge), null, CancellationToken.None);
            document.Stop();
            Console.WriteLine($"Largest file ({freshLarge.GetText().Lines.Count:N0} lines) analyzed alone, binding included: {document.Elapsed.TotalMilliseconds:N0} ms");

            // A project without EF Core or Polly: those families resolve their types at compilation start and register nothing.
            var families = ours.Where(a => a.GetType().Namespace!.EndsWith(".EntityFramework", StringComparison.Ordinal) || a.GetType().Name == "PollyRetryAnalyzer").ToImmutableArray();
            var without = Compile(files, reference => !reference.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) && !reference.StartsWith("Polly", StringComparison.Ordinal));
            var withoutTimes = await AnalyzeAsync(without, families);
            Console.WriteLine($"Same corpus without EF Core and Polly references: {string.Join(", ", withoutTimes.Select(t => $"{t.Key} {t.Value.TotalMilliseconds:F1} ms"))}");
            return 0;
        }

        /// <summary>`-- corpus-one Name`: one analyzer on the corpus, median of three, for working on its cost.</summary>
        public static async Task<int> OneAsync(string analyzerName)
        {
            var files = CorpusGenerator.Generate(files: 40, linesPerFile: 2_400, largeFileLines: 6_000);
            var analyzer = LaunchReadyAnalyzers().Single(a => a.GetType().Name == analyzerName);
            var times = await MedianAsync(files, ImmutableArray.Create(analyzer));
            var compilation = Compile(files);
            compilation.GetDiagnostics();
            var findings = await compilation.WithAnalyzers(ImmutableArray.Create(analyzer), new CompilationWithAnalyzersOptions(CorpusOptions, null, true, false))
                .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            var allocated = await AllocatedAsync(files, analyzer);
            var floor = await AllocatedAsync(files, new EmptyAnalyzer());
            Console.WriteLine($"{analyzerName}: {times.Values.Sum(t => t.TotalMilliseconds):F1} ms, {findings.Length} findings, "
                + $"{allocated / 1e6:F1} MB allocated during analysis (empty analyzer: {floor / 1e6:F1} MB)");
            return 0;
        }

        // Bytes allocated while one analyzer runs over a bound corpus: its own allocations, the driver's work for the
        // actions it registers, and the diagnostics it reports. Allocation is what makes the collector pause, and a
        // pause is charged to whichever analyzer happens to be running.
        private static async Task<long> AllocatedAsync(List<(string Name, string Text)> files, DiagnosticAnalyzer analyzer)
        {
            var compilation = Compile(files);
            compilation.GetDiagnostics();
            var withAnalyzers = SequentialAnalysis(compilation, ImmutableArray.Create(analyzer), logTime: false);
            var before = GC.GetTotalAllocatedBytes(precise: true);
            await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            return GC.GetTotalAllocatedBytes(precise: true) - before;
        }

        /// <summary>Runs the analyzers over every .cs file under a folder and lists the findings by rule.</summary>
        public static async Task<int> SmokeAsync(string folder)
        {
            var files = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains("/obj/") && !f.Contains("/bin/"))
                .Select(f => (f, File.ReadAllText(f)))
                .ToList();
            var compilation = Compile(files);

            // The folder's own configuration files reach the analyzers as the package's targets would pass them.
            var configuration = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Where(f => !f.Contains("/obj/") && !f.Contains("/bin/") && !f.Contains("/node_modules/"))
                .Where(f => Path.GetFileName(f) is "launchready.env.json" or ".env.example" or "launchSettings.json"
                    || (Path.GetFileName(f).StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && f.EndsWith(".json", StringComparison.OrdinalIgnoreCase)))
                .Select(f => (AdditionalText)new ManifestText(f, File.ReadAllText(f)))
                .ToImmutableArray();
            var diagnostics = await compilation
                .WithAnalyzers(LaunchReadyAnalyzers(), new CompilationWithAnalyzersOptions(new AnalyzerOptions(configuration), null, true, false))
                .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            foreach (var group in diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key))
            {
                Console.WriteLine($"{group.Key}: {group.Count()}");
                foreach (var diagnostic in group)
                {
                    Console.WriteLine($"  {diagnostic.Location.GetLineSpan()}: {diagnostic.GetMessage()}");
                }
            }

            Console.WriteLine($"{files.Count} files, {diagnostics.Length} findings");
            return 0;
        }

        private static CSharpCompilation Compile(IEnumerable<(string Name, string Text)> files, Func<string, bool>? keepReference = null)
        {
            var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty).Split(Path.PathSeparator);
            var references = trusted
                .Where(p => !Path.GetFileName(p).StartsWith("LaunchReady", StringComparison.Ordinal) && !Path.GetFileName(p).StartsWith("BenchmarkDotNet", StringComparison.Ordinal))
                .Where(p => keepReference is null || keepReference(Path.GetFileName(p)))
                .Select(p => MetadataReference.CreateFromFile(p));
            var options = new CSharpParseOptions(LanguageVersion.Latest);
            return CSharpCompilation.Create(
                "Corpus",
                files.Select(f => CSharpSyntaxTree.ParseText(f.Text, options, path: "/corpus/" + Path.GetFileName(f.Name))),
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        }

        // Single runs on a shared VM vary by up to 2x per analyzer (a collection triggered by the compiler's own binding
        // is charged to whichever analyzer is running when it starts): report the median of several runs.
        private static async Task<Dictionary<string, TimeSpan>> MedianAsync(List<(string Name, string Text)> files, ImmutableArray<DiagnosticAnalyzer> analyzers, int runCount = 3)
        {
            var runs = new List<Dictionary<string, TimeSpan>>();
            for (var i = 0; i < runCount; i++)
            {
                runs.Add(await AnalyzeAsync(Compile(files), analyzers));
            }

            return runs[0].Keys.ToDictionary(name => name, name => runs.Select(r => r[name]).OrderBy(t => t).ElementAt(runCount / 2));
        }

        private static async Task<Dictionary<string, TimeSpan>> AnalyzeAsync(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers)
        {
            // Bind the compilation first, as a build does before analyzers run; otherwise the first analyzer
            // to read the compilation's references is charged for loading them.
            compilation.GetDiagnostics();

            // Start from a collected heap: the previous runs' compilations are garbage by now, and a full
            // collection falling inside an analyzer's callbacks would be charged to that analyzer (the same
            // scan measured 17, 98 and 209 ms in three consecutive runs without this).
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();

            var withAnalyzers = SequentialAnalysis(compilation, analyzers, logTime: true);
            await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            var times = new Dictionary<string, TimeSpan>();
            foreach (var analyzer in analyzers)
            {
                var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
                times[analyzer.GetType().Name] = telemetry.ExecutionTime;
            }

            return times;
        }

        // Sequential analysis, so that each analyzer's time is its own. The analyzers run on a copy of the
        // compilation that binds its references again when first asked (50-100 ms). In a build the compiler and the
        // analyzers share one compilation whose references the compile has bound, so the copy binds them here,
        // before any analyzer starts, instead of charging them to whichever analyzer asks first.
        private static CompilationWithAnalyzers SequentialAnalysis(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, bool logTime)
        {
            var withAnalyzers = compilation.WithAnalyzers(
                analyzers,
                new CompilationWithAnalyzersOptions(CorpusOptions, null, concurrentAnalysis: false, logAnalyzerExecutionTime: logTime));
            _ = withAnalyzers.Compilation.ReferencedAssemblyNames.Count();
            return withAnalyzers;
        }

        private static ImmutableArray<DiagnosticAnalyzer> LaunchReadyAnalyzers() =>
            typeof(LaunchReady.Analyzers.Infrastructure.RuleCatalog).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .ToImmutableArray();

        private static ImmutableArray<DiagnosticAnalyzer> SonarAnalyzers()
        {
            var path = Path.Combine(AppContext.BaseDirectory, "sonar", "SonarAnalyzer.CSharp.dll");
            if (!File.Exists(path))
            {
                return ImmutableArray<DiagnosticAnalyzer>.Empty;
            }

            var reference = new AnalyzerFileReference(path, new Loader());
            return reference.GetAnalyzers(LanguageNames.CSharp)
                .Where(a => a.SupportedDiagnostics.Any(d => SonarRules.Contains(d.Id)))
                .ToImmutableArray();
        }

        private sealed class Loader : IAnalyzerAssemblyLoader
        {
            public void AddDependencyLocation(string fullPath)
            {
            }

            public Assembly LoadFromPath(string fullPath) => AssemblyLoadContext.Default.LoadFromAssemblyPath(fullPath);
        }

        /// <summary>The floor: the cost of the analyzer driver visiting every string literal with nothing to do.</summary>
        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        private sealed class EmptyAnalyzer : DiagnosticAnalyzer
        {
            private static readonly DiagnosticDescriptor Rule = new DiagnosticDescriptor("BENCH0", "Empty", "Empty", "Bench", DiagnosticSeverity.Hidden, true);

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

            public override void Initialize(AnalysisContext context)
            {
                context.EnableConcurrentExecution();
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.RegisterOperationAction(_ => { }, OperationKind.Literal);
            }
        }
    }

    /// <summary>An additional file held in memory (the corpus manifest, or a configuration file read for a smoke run).</summary>
    internal sealed class ManifestText(string path, string text) : AdditionalText
    {
        // One SourceText for the file's life, as the compiler's and the IDE's additional files give.
        private readonly Microsoft.CodeAnalysis.Text.SourceText _text = Microsoft.CodeAnalysis.Text.SourceText.From(text);

        public override string Path { get; } = path;

        public override Microsoft.CodeAnalysis.Text.SourceText GetText(System.Threading.CancellationToken cancellationToken = default) => _text;
    }
}
