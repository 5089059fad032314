using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using Xunit;

namespace LaunchReady.EndToEnd.Tests
{
    [Collection(PackagedAnalyzerCollection.Name)]
    public sealed class PackageContentsTests(PackagedAnalyzer package)
    {
        [Fact]
        public void RootPack_ProducesExactlyOnePackage_NamedLaunchReadyAnalyzers()
        {
            Assert.Single(package.Packages);
            Assert.StartsWith("LaunchReady.Analyzers.", Path.GetFileName(package.PackagePath));
        }

        [Fact]
        public void Package_HoldsAnalyzersAndBuildFiles_AndNothingElse()
        {
            using var zip = ZipFile.OpenRead(package.PackagePath);
            var entries = zip.Entries
                .Select(e => e.FullName)
                .Where(name => !name.StartsWith("_rels/") && !name.StartsWith("package/") && name != "[Content_Types].xml")
                .OrderBy(name => name, System.StringComparer.Ordinal)
                .ToArray();

            Assert.Equal(
                new[]
                {
                    "LICENSE",
                    "LaunchReady.Analyzers.nuspec",
                    "README.md",
                    "analyzers/dotnet/cs/LaunchReady.Analyzers.dll",
                    "analyzers/dotnet/cs/LaunchReady.CodeFixes.dll",
                    "analyzers/dotnet/cs/LaunchReady.Detection.dll",
                    "build/LaunchReady.Analyzers.props",
                    "build/LaunchReady.Analyzers.targets",
                    "build/launchready.baseline-run.globalconfig",
                    "build/presets/launchready.audit.globalconfig",
                    "build/presets/launchready.recommended.globalconfig",
                    "build/presets/launchready.strict.globalconfig",
                    "buildTransitive/LaunchReady.Analyzers.props",
                    "buildTransitive/LaunchReady.Analyzers.targets",
                    "buildTransitive/launchready.baseline-run.globalconfig",
                    "buildTransitive/presets/launchready.audit.globalconfig",
                    "buildTransitive/presets/launchready.recommended.globalconfig",
                    "buildTransitive/presets/launchready.strict.globalconfig",
                    "schema/env-manifest-v1.json",
                    "tasks/netstandard2.0/LaunchReady.Detection.dll",
                    "tasks/netstandard2.0/LaunchReady.Tasks.dll",
                },
                entries);
        }

        [Fact]
        public void Nuspec_IsADevelopmentDependency_WithNoDependencies()
        {
            using var zip = ZipFile.OpenRead(package.PackagePath);
            using var stream = zip.GetEntry("LaunchReady.Analyzers.nuspec")!.Open();
            var nuspec = XDocument.Load(stream);
            var ns = nuspec.Root!.Name.Namespace;
            var metadata = nuspec.Root.Element(ns + "metadata")!;

            Assert.Equal("LaunchReady.Analyzers", metadata.Element(ns + "id")!.Value);
            Assert.Equal("true", metadata.Element(ns + "developmentDependency")!.Value);
            Assert.Null(metadata.Element(ns + "dependencies"));
        }

        [Fact]
        public void DetectorAssembly_DependsOnNothingButTheFramework()
        {
            Assert.Equal(new[] { "netstandard" }, References("LaunchReady.Detection.dll").Keys);
        }

        [Fact]
        public void AnalyzerAssembly_TargetsOldRoslyn_AndNotWorkspaces()
        {
            var references = References("LaunchReady.Analyzers.dll");

            Assert.DoesNotContain("Microsoft.CodeAnalysis.Workspaces", references.Keys);
            Assert.True(references["Microsoft.CodeAnalysis"] <= new System.Version(4, 8, 0, 0), "Microsoft.CodeAnalysis " + references["Microsoft.CodeAnalysis"]);
            Assert.True(references["Microsoft.CodeAnalysis.CSharp"] <= new System.Version(4, 8, 0, 0), "Microsoft.CodeAnalysis.CSharp " + references["Microsoft.CodeAnalysis.CSharp"]);
        }

        [Fact]
        public void TaskAssembly_LoadsInAnyMSBuildFrom17_7()
        {
            var references = References("LaunchReady.Tasks.dll", "tasks/netstandard2.0/");

            Assert.Equal(
                new[] { "LaunchReady.Detection", "Microsoft.Build.Framework", "Microsoft.Build.Utilities.Core", "netstandard" },
                references.Keys.OrderBy(k => k, System.StringComparer.Ordinal));
            Assert.True(references["Microsoft.Build.Utilities.Core"] <= new System.Version(15, 1, 0, 0), "Microsoft.Build.Utilities.Core " + references["Microsoft.Build.Utilities.Core"]);
            Assert.Equal(new[] { "netstandard" }, References("LaunchReady.Detection.dll", "tasks/netstandard2.0/").Keys);
        }

        private System.Collections.Generic.Dictionary<string, System.Version> References(string assembly, string folder = "analyzers/dotnet/cs/")
        {
            using var zip = ZipFile.OpenRead(package.PackagePath);
            using var memory = new MemoryStream();
            using (var stream = zip.GetEntry(folder + assembly)!.Open())
            {
                stream.CopyTo(memory);
            }

            memory.Position = 0;
            using var pe = new PEReader(memory);
            var reader = pe.GetMetadataReader();
            return reader.AssemblyReferences
                .Select(handle => reader.GetAssemblyReference(handle))
                .ToDictionary(r => reader.GetString(r.Name), r => r.Version);
        }
    }
}
