using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace LaunchReady.EndToEnd.Tests
{
    /// <summary>
    /// Builds samples/ShopApi (the README's first command) and checks that every line marked
    /// <c>// LRxxxx</c> gets exactly that diagnostic, and that nothing else is reported.
    /// </summary>
    public sealed class SampleBuildTests
    {
        private static readonly Regex Marker = new(@"//\s*(?<ids>LR\d{4}(?:\s*,\s*LR\d{4})*)\s*$", RegexOptions.Compiled);

        [Fact]
        public void ShopApiSample_ReportsExactlyTheMarkedViolations()
        {
            var sample = Path.Combine(DotNetCli.RepositoryRoot, "samples", "ShopApi");
            var result = DotNetCli.Run(sample, null, "build", "ShopApi.csproj", "--no-incremental", "-nologo", "-m:2");
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.DoesNotContain("AD0001", result.Output);
            Assert.DoesNotContain("CS8032", result.Output);

            var expected = Directory.EnumerateFiles(sample, "*.*", SearchOption.AllDirectories)
                .Where(f => (f.EndsWith(".cs") || f.EndsWith(".json")) && !f.Contains("/obj/") && !f.Contains("/bin/"))
                .SelectMany(f => File.ReadAllLines(f).Select((text, index) => (File: f, Line: index + 1, Match: Marker.Match(text))))
                .Where(x => x.Match.Success)
                .SelectMany(x => x.Match.Groups["ids"].Value.Split(',').Select(id => $"{Path.GetRelativePath(sample, x.File)}:{x.Line} {id.Trim()}"))
                .OrderBy(x => x)
                .ToList();

            var actual = BuildDiagnostic.LaunchReady(result.Output)
                .Select(d => $"{Path.GetRelativePath(sample, d.Path)}:{d.Line} {d.Id}")
                .Distinct()
                .OrderBy(x => x)
                .ToList();

            Assert.NotEmpty(expected);
            Assert.Equal(expected, actual);
        }

        [Fact]
        public void BlazorSamples_TheLeakyOneFailsToPublish_TheFixedTwinPublishesClean()
        {
            var samples = Path.Combine(DotNetCli.RepositoryRoot, "samples");
            var output = Path.Combine(Path.GetTempPath(), "launchready-samples", System.Guid.NewGuid().ToString("N").Substring(0, 12));
            try
            {
                var leaky = DotNetCli.Run(samples, null, "publish", "BlazorShop.Leaky/BlazorShop.Leaky.csproj", "-c", "Release", "-o", Path.Combine(output, "leaky"), "-nologo", "-m:2");
                Assert.NotEqual(0, leaky.ExitCode);
                var found = BuildDiagnostic.LaunchReady(leaky.Output).Concat(BuildDiagnostic.LaunchReadyFileLevel(leaky.Output))
                    .Select(d => $"{Path.GetRelativePath(Path.Combine(output, "leaky"), d.Path).Replace('\\', '/')}({d.Line},{d.Column}) {d.Id}")
                    .Select(d => Regex.Replace(d, @"BlazorShop\.Leaky\.[a-z0-9]+\.wasm", "BlazorShop.Leaky.wasm"))
                    .OrderBy(d => d, System.StringComparer.Ordinal)
                    .ToList();
                Assert.Equal(
                    new[]
                    {
                        "wwwroot/_framework/BlazorShop.Leaky.wasm(0,0) LR1010",
                        "wwwroot/appsettings.json(3,35) LR1010",
                        "wwwroot/config/appsettings.Production.json(0,0) LR1012",
                    },
                    found);
                Assert.Contains("a string literal in BlazorShop.Pages.Checkout.PayAsync", leaky.Output);

                var clean = DotNetCli.Run(samples, null, "publish", "BlazorShop/BlazorShop.csproj", "-c", "Release", "-o", Path.Combine(output, "clean"), "-nologo", "-m:2");
                Assert.True(clean.ExitCode == 0, clean.ToString());
                Assert.Empty(BuildDiagnostic.LaunchReady(clean.Output).Concat(BuildDiagnostic.LaunchReadyFileLevel(clean.Output)));
            }
            finally
            {
                if (Directory.Exists(output))
                {
                    Directory.Delete(output, recursive: true);
                }
            }
        }
    }
}
