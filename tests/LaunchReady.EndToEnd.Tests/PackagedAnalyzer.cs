using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace LaunchReady.EndToEnd.Tests
{
    /// <summary>
    /// Packs the repository once with the documented command (<c>dotnet pack -c Release -o dir</c>)
    /// and offers a private NuGet cache, so consumers always restore this build of the package.
    /// </summary>
    public sealed class PackagedAnalyzer : IDisposable
    {
        public PackagedAnalyzer()
        {
            WorkDirectory = Path.Combine(Path.GetTempPath(), "launchready-e2e", Guid.NewGuid().ToString("N").Substring(0, 12));
            Feed = Path.Combine(WorkDirectory, "feed");
            Directory.CreateDirectory(Feed);

            PackResult = DotNetCli.Run(DotNetCli.RepositoryRoot, null, "pack", "-c", "Release", "-o", Feed, "-m:2", "-nologo");
            Packages = Directory.GetFiles(Feed, "*.nupkg");
            if (PackResult.ExitCode != 0 || Packages.Count != 1)
            {
                throw new InvalidOperationException("dotnet pack failed or did not produce exactly one package:\n" + PackResult);
            }

            PackagePath = Packages[0];
            var fileName = Path.GetFileNameWithoutExtension(PackagePath);
            Version = fileName.Substring("LaunchReady.Analyzers.".Length);
        }

        public string WorkDirectory { get; }

        public string Feed { get; }

        public CommandResult PackResult { get; }

        public IReadOnlyList<string> Packages { get; }

        public string PackagePath { get; }

        public string Version { get; }

        private string PackagesFolder => Path.Combine(WorkDirectory, "nuget-packages");

        /// <summary>Creates a new ASP.NET Core API project from the SDK template, referencing the package from the feed.</summary>
        public string CreateWebApi(string name)
        {
            var result = DotNetCli.Run(WorkDirectory, null, "new", "webapi", "--no-openapi", "-o", name, "-n", name);
            Assert.True(result.ExitCode == 0, result.ToString());
            var directory = Path.Combine(WorkDirectory, name);
            WriteNuGetConfig(directory);

            var project = Path.Combine(directory, name + ".csproj");
            var text = File.ReadAllText(project);
            text = text.Replace("</Project>", $"""
                  <ItemGroup>
                    <PackageReference Include="LaunchReady.Analyzers" Version="{Version}" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(project, text);
            return directory;
        }

        /// <summary>Creates a minimal net10.0 library project referencing the package, with the given files.</summary>
        public string CreateLibrary(string name, params (string Path, string Content)[] files)
        {
            var directory = Path.Combine(WorkDirectory, name);
            Directory.CreateDirectory(directory);
            WriteNuGetConfig(directory);
            File.WriteAllText(Path.Combine(directory, name + ".csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                  </PropertyGroup>
                  <ItemGroup>
                    <FrameworkReference Include="Microsoft.AspNetCore.App" />
                    <PackageReference Include="LaunchReady.Analyzers" Version="{Version}" />
                  </ItemGroup>
                </Project>
                """);
            foreach (var (path, content) in files)
            {
                var full = Path.Combine(directory, path);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllText(full, content);
            }

            return directory;
        }

        /// <summary>Turns a project made by <see cref="CreateLibrary"/> into an ASP.NET Core web project (wwwroot, static web assets).</summary>
        public void MakeWebProject(string directory)
        {
            var project = Directory.GetFiles(directory, "*.csproj").Single();
            File.WriteAllText(project, File.ReadAllText(project)
                .Replace("Sdk=\"Microsoft.NET.Sdk\"", "Sdk=\"Microsoft.NET.Sdk.Web\"")
                .Replace("<FrameworkReference Include=\"Microsoft.AspNetCore.App\" />", string.Empty));
        }

        /// <summary>Creates a Blazor WebAssembly app from the SDK template, referencing the package from the feed.</summary>
        public string CreateBlazorWasm(string name)
        {
            var result = DotNetCli.Run(WorkDirectory, null, "new", "blazorwasm", "-o", name, "-n", name);
            Assert.True(result.ExitCode == 0, result.ToString());
            var directory = Path.Combine(WorkDirectory, name);
            WriteNuGetConfig(directory);
            var project = Path.Combine(directory, name + ".csproj");
            File.WriteAllText(project, File.ReadAllText(project).Replace("</Project>", $"""
                  <ItemGroup>
                    <PackageReference Include="LaunchReady.Analyzers" Version="{Version}" />
                  </ItemGroup>
                </Project>
                """));
            return directory;
        }

        public CommandResult Publish(string projectDirectory, string output, params string[] extraArguments) =>
            DotNetCli.Run(
                projectDirectory,
                new Dictionary<string, string> { ["NUGET_PACKAGES"] = PackagesFolder },
                new[] { "publish", "-c", "Release", "-o", output, "-nologo", "--disable-build-servers" }.Concat(extraArguments).ToArray());

        private void WriteNuGetConfig(string directory) =>
            File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="local" value="{Feed}" />
                    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
                  </packageSources>
                </configuration>
                """);

        public CommandResult Build(string projectDirectory, params string[] extraArguments) =>
            Build(projectDirectory, null, extraArguments);

        /// <summary>Runs <c>dotnet build</c> with extra environment variables (the way a CI job provides secrets).</summary>
        public CommandResult Build(string projectDirectory, IReadOnlyDictionary<string, string>? environment, params string[] extraArguments)
        {
            var arguments = new List<string> { "build", "-nologo", "--disable-build-servers" };
            arguments.AddRange(extraArguments);
            var variables = new Dictionary<string, string> { ["NUGET_PACKAGES"] = PackagesFolder };
            foreach (var pair in environment ?? new Dictionary<string, string>())
            {
                variables[pair.Key] = pair.Value;
            }

            return DotNetCli.Run(projectDirectory, variables, arguments.ToArray());
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(WorkDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }

    [CollectionDefinition(Name)]
    public sealed class PackagedAnalyzerCollection : ICollectionFixture<PackagedAnalyzer>
    {
        public const string Name = "packaged analyzer";
    }
}
