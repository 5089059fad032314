using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using Xunit;

namespace LaunchReady.EndToEnd.Tests
{
    /// <summary>
    /// The client-bundle scan as a consumer meets it: a web project whose wwwroot leaks in every way
    /// fails with exact locations, its clean twin builds, a Blazor WebAssembly app with a key in a
    /// component fails to publish, and no secret value reaches the build output or the binary log.
    /// </summary>
    [Collection(PackagedAnalyzerCollection.Name)]
    public sealed class BundleBuildTests
    {
        private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        private static readonly Random Random = new(1010);

        private readonly PackagedAnalyzer _package;

        public BundleBuildTests(PackagedAnalyzer package)
        {
            _package = package;
        }

        private static string Token(string prefix, int length) =>
            prefix + new string(Enumerable.Range(0, length).Select(_ => Alphabet[Random.Next(Alphabet.Length)]).ToArray());

        private static string MinifiedJs(int length)
        {
            var parts = new[] { "function(e,t){return e.map(function(n){return n*t})}", ";var a=document.querySelector(\"#app\")", ",b={display:\"none\",path:\"/api/v1/items\"}", ";window.addEventListener(\"load\",c)" };
            var builder = new StringBuilder(length + 64);
            while (builder.Length < length)
            {
                builder.Append(parts[Random.Next(parts.Length)]);
            }

            return builder.ToString(0, length);
        }

        private static void AssertAt(IReadOnlyList<BuildDiagnostic> diagnostics, string file, string marker, string id, string severity = "error")
        {
            var (line, column) = SourcePosition.Of(file, marker);
            Assert.True(
                diagnostics.Any(d => d.Path == file && d.Line == line && d.Column == column && d.Id == id && d.Severity == severity),
                $"expected {file}({line},{column}): {severity} {id} among:\n{string.Join("\n", diagnostics)}");
        }

        [Fact]
        public void LeakyWebRoot_FailsWithEveryLeakAtItsSpot_AndTheCleanTwinBuilds()
        {
            var key = Token("sk_live_", 32);
            var envSecret = Token("Pq7", 29);
            var minified = MinifiedJs(1_200_000) + "var k=\"" + key + "\";" + MinifiedJs(800_000);
            var manifest = """{ "variables": { "PAYMENTS_API_TOKEN": { "description": "Payments partner token", "secret": true, "required": true } } }""";
            var directory = _package.CreateLibrary(
                "LeakyWeb",
                ("launchready.env.json", manifest),
                ("wwwroot/js/app.min.js", minified),
                ("wwwroot/js/app.min.js.map", "{\"version\":3,\"sources\":[\"src/app.ts\"],\"sourcesContent\":[\"// TODO remove admin bypass\"],\"mappings\":\"AAAA\"}"),
                ("wwwroot/js/config.js", "window.cfg = \"" + Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"token\":\"" + envSecret + "\"}")) + "\";\n"),
                ("wwwroot/appsettings.Production.json", "{ \"Logging\": { } }"),
                ("wwwroot/data/legacy.txt", string.Empty),
                ("Program.cs", "var app = WebApplication.Create(args);\napp.UseStaticFiles();\napp.Run();\n"));
            File.WriteAllBytes(Path.Combine(directory, "wwwroot", "data", "legacy.txt"), Encoding.Latin1.GetBytes("caf\u00e9 cr\u00e8me\n"));
            File.WriteAllBytes(Path.Combine(directory, "wwwroot", "favicon.ico"), Enumerable.Range(0, 4096).Select(i => (byte)(i * 7)).ToArray());
            _package.MakeWebProject(directory);
            var binlog = Path.Combine(directory, "leaky.binlog");

            var result = _package.Build(directory, new Dictionary<string, string> { ["PAYMENTS_API_TOKEN"] = envSecret }, "-bl:" + binlog);

            Assert.NotEqual(0, result.ExitCode);
            Assert.DoesNotContain("MSB4018", result.Output);
            var diagnostics = BuildDiagnostic.LaunchReady(result.Output);
            var js = Path.Combine(directory, "wwwroot", "js", "app.min.js");
            AssertAt(diagnostics, js, key, "LR1010");
            AssertAt(diagnostics, Path.Combine(directory, "wwwroot", "js", "app.min.js.map"), "\"sourcesContent\"", "LR1011", "warning");
            Assert.Contains(diagnostics, d => d.FileName == "config.js" && d.Id == "LR1010" && d.Line == 1 && d.Message.Contains("PAYMENTS_API_TOKEN"));
            Assert.Contains("appsettings.Production.json : error LR1012", result.Output);
            Assert.DoesNotContain(diagnostics, d => d.FileName is "legacy.txt" or "favicon.ico");
            foreach (var secret in new[] { key, envSecret })
            {
                Assert.False(result.Output.Contains(secret, StringComparison.Ordinal), "a secret value leaked");
                ManifestBuildTests.AssertNotInBinaryLog(binlog, secret);
            }

            // The clean twin: the same site without the leaks.
            File.WriteAllText(js, MinifiedJs(2_000_000));
            File.Delete(Path.Combine(directory, "wwwroot", "js", "app.min.js.map"));
            File.WriteAllText(Path.Combine(directory, "wwwroot", "js", "config.js"), "window.cfg = {};\n");
            File.Delete(Path.Combine(directory, "wwwroot", "appsettings.Production.json"));
            var clean = _package.Build(directory, new Dictionary<string, string> { ["PAYMENTS_API_TOKEN"] = envSecret });
            Assert.True(clean.ExitCode == 0, clean.ToString());
            Assert.DoesNotContain(BuildDiagnostic.LaunchReady(clean.Output), d => d.Id.StartsWith("LR101", StringComparison.Ordinal));
        }

        [Fact]
        public void BlazorWebAssembly_WithAKeyInAComponent_FailsToPublish_NamingTheAssemblyAndMethod()
        {
            var directory = _package.CreateBlazorWasm("BlazorLeak");
            File.WriteAllText(Path.Combine(directory, "Pages", "Checkout.razor"), """
                @page "/checkout"
                @code {
                    private string status = "";
                    protected override void OnInitialized()
                    {
                        status = "sk_live_" + "51HxQm2eZvKYlo2C" + "9f8e7d6c5b4a3f2e1d0c8b7a6";
                    }
                }
                """);
            var output = Path.Combine(directory, "published");

            var binlog = Path.Combine(directory, "publish.binlog");
            var result = _package.Publish(directory, output, "-bl:" + binlog);

            Assert.NotEqual(0, result.ExitCode);
            Assert.DoesNotContain("MSB4018", result.Output);
            var leak = Assert.Single(BuildDiagnostic.LaunchReadyFileLevel(result.Output), d => d.Id == "LR1010" && d.Path.StartsWith(output, StringComparison.Ordinal));
            Assert.Matches(@"_framework[/\\]BlazorLeak\.[a-z0-9]+\.wasm$", leak.Path);
            Assert.Contains("BlazorLeak.Pages.Checkout.OnInitialized", leak.Message);
            Assert.False(result.Output.Contains("51HxQm2eZvKYlo2C9f8e7d6c5b4a3f2e1d0c8b7a6", StringComparison.Ordinal), "a secret value leaked");
            ManifestBuildTests.AssertNotInBinaryLog(binlog, "sk_live_51HxQm2eZvKYlo2C9f8e7d6c5b4a3f2e1d0c8b7a6");

            // A fresh folder: a publish folder keeps the stale leaky assembly (which would rightly be reported).
            File.Delete(Path.Combine(directory, "Pages", "Checkout.razor"));
            var clean = _package.Publish(directory, output + "-clean");
            Assert.True(clean.ExitCode == 0, clean.ToString());
            Assert.DoesNotContain(BuildDiagnostic.LaunchReadyFileLevel(clean.Output).Concat(BuildDiagnostic.LaunchReady(clean.Output)), d => d.Id.StartsWith("LR101", StringComparison.Ordinal));
        }
    }
}
