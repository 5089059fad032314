using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using LaunchReady.Detection;
using LaunchReady.Tasks.Bundles;

namespace LaunchReady.Benchmarks
{
    /// <summary>
    /// `-- bundle`: the client-bundle scanner beside secretlint on the same files. A clean bundle of real
    /// minified libraries from npm (react-dom, three, lodash, moment, chart.js; about 32 MB, several
    /// copies of each) measures the no-secret path; a generated dense bundle (4 MB, a planted fake token
    /// every 4 KB, some across the 100 KB and 4 MB read boundaries) measures the busy path and recall.
    /// </summary>
    public static class BundleBench
    {
        private const string Alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        private const string Base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        private const string UrlSafe = Alnum + "-_";
        private const string Hex = "0123456789abcdef";

        // Formats both tools are expected to know, and the three the issue says secretlint misses by default.
        private static readonly (string Kind, Func<Random, string> Make)[] Planted =
        {
            ("AWS access key ID", r => "AKIA" + R(r, Base32, 16)),
            ("Stripe secret key", r => "sk_live_" + R(r, Alnum, 32)),
            ("Google API key", r => "AIza" + R(r, UrlSafe, 35)),
            ("GitHub token", r => GitHubStyle(r, "ghp_")),
            ("npm token", r => GitHubStyle(r, "npm_")),
            ("Slack bot token", r => "xoxb-" + R(r, "0123456789", 11) + "-" + R(r, "0123456789", 12) + "-" + R(r, Alnum, 24)),
            ("SendGrid API key", r => "SG." + R(r, UrlSafe, 22) + "." + R(r, UrlSafe, 43)),
            ("OpenAI API key", r => "sk-proj-" + R(r, UrlSafe, 64)),
            ("Anthropic API key", r => "sk-ant-api03-" + R(r, UrlSafe, 93)),
            ("Shopify access token", r => "shpat_" + R(r, Hex, 32)),
        };

        private static readonly string[] Words =
        {
            "function", "return", "const", "let", "var", "this", "prototype", "document", "window", "addEventListener",
            "querySelector", "createElement", "appendChild", "null", "undefined", "true", "false", "Object", "Array", "Promise",
            "then", "catch", "async", "await", "length", "push", "map", "filter", "reduce", "forEach", "JSON", "stringify",
            "parse", "className", "style", "display", "none", "block", "useState", "useEffect", "useMemo", "props", "children",
            "key", "value", "onClick", "href", "path", "pattern", "token", "secret", "password", "redis", "sentry", "datadog",
            "dispatch", "payload", "action", "type", "state", "reducer", "router", "history", "location", "pathname", "search",
            "fetch", "headers", "Authorization", "Bearer", "Content-Type", "application/json", "method", "POST", "GET", "body",
            "response", "status", "error", "message", "console", "log", "warn", "setTimeout", "clearTimeout", "requestAnimationFrame",
        };

        public static int Run()
        {
            var directory = Path.Combine(Path.GetTempPath(), "launchready-bundle-bench");
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }

            var random = new Random(20261122);
            var clean = Path.Combine(directory, "clean");
            var dense = Path.Combine(directory, "dense");
            Directory.CreateDirectory(clean);
            Directory.CreateDirectory(dense);
            var cleanKind = RealBundle(clean, Path.Combine(Path.GetTempPath(), "launchready-js-corpus"));
            if (cleanKind is null)
            {
                cleanKind = "generated minified JavaScript (npm was not available for real libraries)";
                for (var i = 0; i < 16; i++)
                {
                    File.WriteAllText(Path.Combine(clean, $"chunk-{i:00}.min.js"), Minified(random, 2 * 1024 * 1024));
                }
            }

            var (denseText, planted) = DenseBundle(random, 4 * 1024 * 1024);
            var densePath = Path.Combine(dense, "secrets.min.js");
            File.WriteAllText(densePath, denseText);

            Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
            Console.WriteLine($"Clean bundle: {Directory.GetFiles(clean).Length} files, {DirectorySize(clean) / 1048576.0:F1} MB of {cleanKind}, no secrets");
            Console.WriteLine($"Dense bundle: {new FileInfo(densePath).Length / 1048576.0:F1} MB, {planted.Count} planted fake tokens of {Planted.Length} kinds ({planted.Count(p => p.Straddles)} across a 100 KB or 4 MB boundary)");
            Console.WriteLine();

            var ourClean = Median(() => ScanOurs(clean).Seconds);
            var ourDenseRun = ScanOurs(dense);
            var ourDense = Median(() => ScanOurs(dense).Seconds);
            var ourFound = planted.Count(p => ourDenseRun.Hits.Any(h => h >= p.Offset && h < p.Offset + p.Token.Length));

            Console.WriteLine("LaunchReady (one core, in process):");
            Console.WriteLine($"  clean: {DirectorySize(clean) / 1048576.0 / ourClean,8:F0} MB/s");
            Console.WriteLine($"  dense: {DirectorySize(dense) / 1048576.0 / ourDense,8:F0} MB/s");
            Console.WriteLine($"  recall: {ourFound}/{planted.Count}");
            foreach (var kind in Planted.Select(k => k.Kind))
            {
                var ofKind = planted.Where(p => p.Kind == kind).ToList();
                var found = ofKind.Count(p => ourDenseRun.Hits.Any(h => h >= p.Offset && h < p.Offset + p.Token.Length));
                Console.WriteLine($"    {kind,-22} {found}/{ofKind.Count}");
            }

            Console.WriteLine();
            var secretlint = Secretlint.Install(Path.Combine(Path.GetTempPath(), "launchready-secretlint"));
            if (secretlint is null)
            {
                Console.WriteLine("secretlint: could not be installed with npm; only LaunchReady's figures are shown.");
                return 0;
            }

            var startup = Median(() => secretlint.Run(Path.Combine(directory, "empty.js"), createEmpty: true).Seconds);
            var theirClean = Median(() => secretlint.Run(Path.Combine(clean, "*.js")).Seconds) - startup;
            var theirDenseRun = secretlint.Run(densePath);
            var theirDense = Median(() => secretlint.Run(densePath).Seconds) - startup;
            var theirFound = planted.Count(p => theirDenseRun.Ranges.Any(r => r.Start < p.Offset + p.Token.Length && p.Offset < r.End));

            Console.WriteLine($"secretlint {secretlint.Version} with the recommended preset (one core; {startup:F2} s of start-up subtracted):");
            Console.WriteLine($"  clean: {DirectorySize(clean) / 1048576.0 / theirClean,8:F0} MB/s");
            Console.WriteLine($"  dense: {DirectorySize(dense) / 1048576.0 / theirDense,8:F0} MB/s");
            Console.WriteLine($"  recall: {theirFound}/{planted.Count}");
            foreach (var kind in Planted.Select(k => k.Kind))
            {
                var ofKind = planted.Where(p => p.Kind == kind).ToList();
                var found = ofKind.Count(p => theirDenseRun.Ranges.Any(r => r.Start < p.Offset + p.Token.Length && p.Offset < r.End));
                Console.WriteLine($"    {kind,-22} {found}/{ofKind.Count}");
            }

            Console.WriteLine();
            Console.WriteLine($"Throughput ratio (LaunchReady / secretlint): clean {theirClean / ourClean:F1}x, dense {theirDense / ourDense:F1}x");
            return 0;
        }

        // Real production builds of popular libraries, copied until the bundle is about 32 MB; null without npm.
        private static string? RealBundle(string target, string cache)
        {
            var files = new[]
            {
                "react-dom/umd/react-dom.production.min.js", "three/build/three.min.js", "lodash/lodash.min.js",
                "moment/min/moment-with-locales.min.js", "chart.js/dist/chart.umd.min.js",
            };
            var modules = Path.Combine(cache, "node_modules");
            if (!files.All(f => File.Exists(Path.Combine(modules, f))))
            {
                Directory.CreateDirectory(cache);
                var install = Secretlint.Shell("npm", cache, "install", "--prefix", cache, "--no-audit", "--no-fund", "react-dom@18", "three@0.160", "lodash@4", "moment@2", "chart.js@4");
                if (install.ExitCode != 0 || !files.All(f => File.Exists(Path.Combine(modules, f))))
                {
                    return null;
                }
            }

            long total = 0;
            for (var copy = 0; total < 32L * 1024 * 1024; copy++)
            {
                foreach (var file in files)
                {
                    var destination = Path.Combine(target, $"{copy:00}-{Path.GetFileName(file)}");
                    File.Copy(Path.Combine(modules, file), destination);
                    total += new FileInfo(destination).Length;
                }
            }

            return "real minified JavaScript (react-dom 18, three, lodash, moment, chart.js from npm)";
        }

        private static (double Seconds, List<long> Hits) ScanOurs(string folder)
        {
            var files = Directory.GetFiles(folder).OrderBy(f => f, StringComparer.Ordinal).ToList();
            var scanner = new TextBundleScanner(new List<SecretNeedle>());
            var hits = new List<long>();
            var watch = Stopwatch.StartNew();
            foreach (var file in files)
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
                hits.AddRange(scanner.Scan(stream).Select(h => h.Offset));
            }

            return (watch.Elapsed.TotalSeconds, hits);
        }

        private static double Median(Func<double> measure)
        {
            measure(); // warm-up
            var runs = Enumerable.Range(0, 3).Select(_ => measure()).OrderBy(x => x).ToList();
            return runs[1];
        }

        private sealed record PlantedToken(string Kind, string Token, long Offset, bool Straddles);

        private static (string Text, List<PlantedToken> Planted) DenseBundle(Random random, int size)
        {
            var text = new StringBuilder(size + 4096);
            var planted = new List<PlantedToken>();
            var boundaries = new List<long>();
            for (long b = 100 * 1024; b < size; b += 100 * 1024)
            {
                boundaries.Add(b);
            }

            boundaries.Add(4L * 1024 * 1024 - 16);
            var next = 0;
            while (text.Length < size)
            {
                var (kind, make) = Planted[next++ % Planted.Length];
                var token = make(random);
                var filler = Minified(random, 4096 - 16 - token.Length);
                var boundary = boundaries.FirstOrDefault(b => b > text.Length && b <= text.Length + filler.Length + 12);
                if (boundary != 0)
                {
                    // Start the token a few bytes before the boundary, so it straddles it.
                    filler = filler.Substring(0, (int)(boundary - text.Length - 12));
                }

                text.Append(filler).Append(";var s=\"");
                planted.Add(new PlantedToken(kind, token, text.Length, boundary != 0));
                text.Append(token).Append("\";\n");
            }

            return (text.ToString(), planted);
        }

        private static string Minified(Random random, int length)
        {
            var text = new StringBuilder(length + 64);
            while (text.Length < length)
            {
                var word = Words[random.Next(Words.Length)];
                switch (random.Next(9))
                {
                    case 0: text.Append(word).Append('('); break;
                    case 1: text.Append(word).Append(")."); break;
                    case 2: text.Append('"').Append(word).Append("\","); break;
                    case 3: text.Append(Identifier(random)).Append('=').Append(random.Next(100000)).Append(';'); break;
                    case 4: text.Append('{').Append(Identifier(random)).Append(':').Append(word).Append('}'); break;
                    case 5: text.Append("\"/api/").Append(word).Append('/').Append(random.Next(999)).Append("\","); break;
                    case 6: text.Append("return ").Append(Identifier(random)).Append('.').Append(word).Append(';'); break;
                    case 7: text.Append('"').Append(R(random, Alnum, 8 + random.Next(16))).Append("\","); break;
                    default: text.Append(Identifier(random)).Append("&&").Append(Identifier(random)).Append('.').Append(word).Append(';'); break;
                }
            }

            return text.ToString(0, length);
        }

        private static string Identifier(Random random) => R(random, "abcdefghijklmnopqrstuvwxyz", 1 + random.Next(2)) + (random.Next(3) == 0 ? random.Next(10).ToString() : string.Empty);

        private static string GitHubStyle(Random random, string prefix)
        {
            var body = R(random, Alnum, 30);
            return prefix + body + TokenChecks.ToBase62(TokenChecks.Crc32(Encoding.ASCII.GetBytes(body)), 6);
        }

        private static string R(Random random, string alphabet, int length) =>
            new string(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());

        private static long DirectorySize(string folder) => Directory.GetFiles(folder).Sum(f => new FileInfo(f).Length);

        /// <summary>secretlint installed from npm into a cache folder, run as its docs say.</summary>
        private sealed class Secretlint
        {
            private readonly string folder;

            private Secretlint(string folder, string version)
            {
                this.folder = folder;
                Version = version;
            }

            public string Version { get; }

            public static Secretlint? Install(string folder)
            {
                var binary = Path.Combine(folder, "node_modules", ".bin", "secretlint");
                if (!File.Exists(binary))
                {
                    Directory.CreateDirectory(folder);
                    var install = Shell("npm", folder, "install", "--prefix", folder, "--no-audit", "--no-fund", "secretlint@12", "@secretlint/secretlint-rule-preset-recommend@12");
                    if (install.ExitCode != 0 || !File.Exists(binary))
                    {
                        return null;
                    }
                }

                var version = Shell(binary, folder, "--version").Output.Trim();
                return new Secretlint(folder, version);
            }

            public (double Seconds, List<(long Start, long End)> Ranges) Run(string target, bool createEmpty = false)
            {
                if (createEmpty)
                {
                    File.WriteAllText(target, "var a = 1;\n");
                }

                var output = Path.Combine(folder, "out.json");
                var watch = Stopwatch.StartNew();
                Shell(
                    Path.Combine(folder, "node_modules", ".bin", "secretlint"), folder,
                    "--secretlintrcJSON", "{\"rules\":[{\"id\":\"@secretlint/secretlint-rule-preset-recommend\"}]}",
                    "--format", "json", "--output", output, target);
                var seconds = watch.Elapsed.TotalSeconds;
                var ranges = new List<(long, long)>();
                if (File.Exists(output))
                {
                    using var document = JsonDocument.Parse(File.ReadAllText(output));
                    foreach (var file in document.RootElement.EnumerateArray())
                    {
                        foreach (var message in file.GetProperty("messages").EnumerateArray())
                        {
                            if (message.TryGetProperty("range", out var range) && range.GetArrayLength() == 2)
                            {
                                ranges.Add((range[0].GetInt64(), range[1].GetInt64()));
                            }
                        }
                    }
                }

                return (seconds, ranges);
            }

            public static (int ExitCode, string Output) Shell(string command, string directory, params string[] arguments)
            {
                var start = new ProcessStartInfo(command) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
                foreach (var argument in arguments)
                {
                    start.ArgumentList.Add(argument);
                }

                try
                {
                    using var process = Process.Start(start)!;
                    var stdout = process.StandardOutput.ReadToEndAsync();
                    var stderr = process.StandardError.ReadToEndAsync();
                    process.WaitForExit();
                    return (process.ExitCode, stdout.Result + stderr.Result);
                }
                catch (System.ComponentModel.Win32Exception)
                {
                    return (-1, command + " is not installed");
                }
            }
        }
    }
}
