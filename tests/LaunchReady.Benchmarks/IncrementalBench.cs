using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace LaunchReady.Benchmarks
{
    /// <summary>
    /// `-- incremental`: what the package adds to a no-op build. Packs the repository, creates two
    /// identical `dotnet new webapi` projects (one with the package, an env manifest and a wwwroot file
    /// to scan), builds both once, then times repeated builds of the unchanged projects.
    /// </summary>
    public static class IncrementalBench
    {
        public static int Run()
        {
            var root = Path.Combine(Path.GetTempPath(), "launchready-incremental-bench");
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }

            var feed = Path.Combine(root, "feed");
            var repository = FindRepository();
            Console.WriteLine("Packing the repository...");
            Require(Dotnet(repository, "pack", "-c", "Release", "-o", feed, "-m:2", "-nologo"));
            var version = Path.GetFileNameWithoutExtension(Directory.GetFiles(feed, "*.nupkg").Single()).Substring("LaunchReady.Analyzers.".Length);

            var without = Create(root, "Plain", feed, null);
            var with = Create(root, "WithPackage", feed, version);
            File.WriteAllText(Path.Combine(with, "launchready.env.json"), "{ \"variables\": { \"ConnectionStrings__Shop\": { \"secret\": true, \"required\": true } } }");
            Directory.CreateDirectory(Path.Combine(with, "wwwroot", "js"));
            File.WriteAllText(Path.Combine(with, "wwwroot", "js", "site.js"), "document.addEventListener('load', function () { console.log('ready'); });");

            foreach (var project in new[] { without, with })
            {
                Require(Dotnet(project, "build", "-nologo", "-m:2"));
            }

            var plain = Median(() => Dotnet(without, "build", "--no-restore", "-nologo", "-m:2").Seconds);
            var package = Median(() => Dotnet(with, "build", "--no-restore", "-nologo", "-m:2").Seconds);
            Console.WriteLine($"No-op build of an unchanged `dotnet new webapi` project (median of 5), {Environment.ProcessorCount} cores:");
            Console.WriteLine($"  without LaunchReady.Analyzers: {plain:F2} s");
            Console.WriteLine($"  with the package, a manifest and a wwwroot: {package:F2} s");
            Console.WriteLine($"  difference: {package - plain:+0.00;-0.00} s ({(package - plain) / plain:+0%;-0%})");
            return 0;
        }

        private static string Create(string root, string name, string feed, string? version)
        {
            Require(Dotnet(root, "new", "webapi", "--no-openapi", "-o", name, "-n", name));
            var directory = Path.Combine(root, name);
            File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="local" value="{feed}" />
                    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
                  </packageSources>
                </configuration>
                """);
            if (version is not null)
            {
                var project = Path.Combine(directory, name + ".csproj");
                File.WriteAllText(project, File.ReadAllText(project).Replace("</Project>", $"  <ItemGroup><PackageReference Include=\"LaunchReady.Analyzers\" Version=\"{version}\" /></ItemGroup>\n</Project>"));
            }

            return directory;
        }

        private static double Median(Func<double> measure)
        {
            var runs = Enumerable.Range(0, 5).Select(_ => measure()).OrderBy(x => x).ToList();
            return runs[2];
        }

        private static void Require((int ExitCode, double Seconds, string Output) result)
        {
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException(result.Output);
            }
        }

        private static (int ExitCode, double Seconds, string Output) Dotnet(string directory, params string[] arguments)
        {
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["NUGET_PACKAGES"] = Path.Combine(Path.GetTempPath(), "launchready-incremental-bench", "packages");
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            var watch = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            return (process.ExitCode, watch.Elapsed.TotalSeconds, output.Result + error.Result);
        }

        private static string FindRepository()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "LaunchReady.Analyzers.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("LaunchReady.Analyzers.sln not found");
        }
    }
}
