using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;
using System.Text;
using LaunchReady.Tasks.Bundles;
using Xunit;

namespace LaunchReady.Tasks.Tests.Bundles
{
    public class BundleScannerTests
    {
        private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

        private static readonly Random Random = new Random(1010);

        private static string Token(string prefix, int length) =>
            prefix + new string(Enumerable.Range(0, length).Select(_ => Alphabet[Random.Next(Alphabet.Length)]).ToArray());

        // Minified-looking filler without anything secret-shaped.
        private static string Filler(int length)
        {
            var parts = new[] { "function(e,t){return e.map(function(n){return n*t})}", ";var a=document.querySelector(\"#app\")", ",b={display:\"none\",path:\"/api/v1/items\"}", ";window.addEventListener(\"load\",c)" };
            var builder = new StringBuilder(length + 64);
            while (builder.Length < length)
            {
                builder.Append(parts[Random.Next(parts.Length)]);
            }

            return builder.ToString(0, length);
        }

        private static (int Line, int Column) PositionOf(string text, string value)
        {
            var index = text.IndexOf(value, StringComparison.Ordinal);
            var lineStart = text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
            return (text.Take(index).Count(c => c == '\n') + 1, index - lineStart + 1);
        }

        private static List<BundleHit> ScanText(string content, IReadOnlyList<SecretNeedle>? needles = null, int chunkSize = TextBundleScanner.DefaultChunkSize) =>
            new TextBundleScanner(needles ?? new List<SecretNeedle>(), chunkSize).Scan(new MemoryStream(Encoding.UTF8.GetBytes(content)));

        [Fact]
        public void ProviderKeys_InsideOneHugeMinifiedLine_AreReportedAtTheirColumn()
        {
            var key = Token("sk_live_", 32);
            var content = Filler(1_500_000) + "var k=\"" + key + "\";" + Filler(700_000);
            var hit = Assert.Single(ScanText(content));
            Assert.Equal("LR1010", hit.RuleId);
            Assert.Equal(PositionOf(content, key), (hit.Line, hit.Column));
            Assert.False(hit.Message.Contains(key, StringComparison.Ordinal), "a secret value leaked");
        }

        [Fact]
        public void SecretsStraddlingEveryReadBoundary_AreFoundOnce()
        {
            // Small chunks; the token sits across the point where reporting passes to the next chunk,
            // and across the physical end of the read buffer.
            const int chunk = 64 * 1024;
            foreach (var shift in new[] { -40, -21, -1, 0, 1, 8, TextBundleScanner.Overlap - 20, TextBundleScanner.Overlap - 1, TextBundleScanner.Overlap })
            {
                var key = Token("sk_live_", 32);
                var before = Filler(chunk - TextBundleScanner.Overlap + shift) + "\"";
                var content = before + key + "\"" + Filler(3 * chunk);
                var hits = ScanText(content, chunkSize: chunk);
                var hit = Assert.Single(hits);
                Assert.Equal(before.Length + 1, hit.Column);
            }
        }

        [Fact]
        public void Columns_CountCharactersNotBytes_AndLinesCountNewlines()
        {
            var key = Token("AKIA", 16).ToUpperInvariant().Replace('1', 'Q').Replace('8', 'R').Replace('9', 'S').Replace('0', 'T');
            var content = "// r\u00e9sum\u00e9 \u2014 \u65e5\u672c\n\nconst s = '\u00fc\u00fc\u00fc " + key + "';\n";
            var hit = Assert.Single(ScanText(content));
            Assert.Equal(PositionOf(content, key), (hit.Line, hit.Column));
        }

        [Fact]
        public void RealSecretValues_AreFoundRawUrlEncodedAndBase64EncodedAtAnyAlignment()
        {
            var value = "Qm7/" + Token("", 20) + "+z=";
            var needles = new List<SecretNeedle>();
            SecretNeedles.AddForms(needles, "PAYMENTS_TOKEN", value);
            foreach (var (encoded, form) in new[]
            {
                (value, "The value"),
                (Uri.EscapeDataString(value), "The URL-encoded value"),
                (Convert.ToBase64String(Encoding.UTF8.GetBytes(value)), "The base64-encoded value"),
                (Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"k\":\"" + value + "\"}")), "The base64-encoded value"),
                (Convert.ToBase64String(Encoding.UTF8.GetBytes("x=" + value + ";")), "The base64-encoded value"),
                (Convert.ToBase64String(Encoding.UTF8.GetBytes("ab" + value)).Replace('+', '-').Replace('/', '_'), "The base64"),
            })
            {
                var content = Filler(5000) + "\"" + encoded + "\"" + Filler(5000);
                var hit = Assert.Single(ScanText(content, needles));
                Assert.StartsWith(form, hit.Message);
                Assert.Contains("PAYMENTS_TOKEN", hit.Message);
                Assert.False(hit.Message.Contains(value, StringComparison.Ordinal), "a secret value leaked");
            }
        }

        [Fact]
        public void TokensInsideDataUris_AreEmbeddedFiles_NotSecrets()
        {
            var shaped = Token("AKIA", 16).ToUpperInvariant().Replace('1', 'Q').Replace('8', 'R').Replace('9', 'S').Replace('0', 'T');
            var content = Filler(3000) + "background:url(data:image/png;base64," + shaped + "/9j+4AAQ)" + Filler(3000) + ";k=\"" + shaped + "\"";
            var hit = Assert.Single(ScanText(content));
            Assert.Equal(PositionOf(content, ";k=\"" + shaped).Column + 4, hit.Column);
        }

        [Fact]
        public void NoSecrets_NoFindings_EvenWithAnchorsEverywhere()
        {
            var content = string.Concat(Enumerable.Repeat("path:\"x\",pat:1,redis:2,sentry:3,AKIA:4,eyJ0:5,sk_test:6,MTIz.", 20_000));
            Assert.Empty(ScanText(content));
        }

        [Fact]
        public void BundleFolder_ReportsEveryKindOfLeak_AndSkipsWhatItCannotOrNeedNotRead()
        {
            using var root = new TempDirectory();
            var key = Token("sk_live_", 32);
            var github = Token("rk_live_", 40);
            root.Write("js/app.min.js", Filler(20_000) + "k=\"" + key + "\"");
            using (var gz = new GZipStream(File.Create(Path.Combine(root.Path, "js", "vendor.js.gz")), CompressionLevel.Fastest))
            {
                var bytes = Encoding.UTF8.GetBytes("/* vendor */\nconst t='" + github + "';");
                gz.Write(bytes, 0, bytes.Length);
            }

            root.Write("js/app.min.js.br", "not really brotli: the original app.min.js is scanned instead");
            root.Write("js/app.min.js.map", "{\"version\":3,\"sources\":[\"app.ts\"],\"sourcesContent\":[null,\"const a = 1;\"]}");
            root.Write("js/clean.js.map", "{\"version\":3,\"sources\":[\"a.ts\"],\"sourcesContent\":[null],\"mappings\":\"\"}");
            root.Write("lib/bootstrap/bootstrap.css.map", "{\"version\":3,\"sourcesContent\":[\"/* bootstrap */\"]}");
            root.Write("appsettings.Production.json", "{\"Logging\":{}}");
            root.Write(".env.production", "A=b");
            root.Write(".env.example", "A=");
            root.Write("certs/site.pfx", "binary");
            root.Write("certs/public.pem", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
            root.Write("certs/private.pem", "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n");
            root.Write("web.config", "<configuration><connectionStrings><add name=\"a\" connectionString=\"Server=x\" /></connectionStrings></configuration>");
            root.WriteBytes("img/logo.png", Enumerable.Range(0, 5000).Select(i => (byte)i).ToArray());
            root.WriteBytes("data/latin1.txt", Encoding.Latin1.GetBytes("caf\u00e9 \u00e9t\u00e9 " + key));
            using (var huge = File.Create(Path.Combine(root.Path, "data", "huge.json")))
            {
                huge.SetLength(1L << 30); // sparse: no disk is used
            }

            Directory.CreateSymbolicLink(Path.Combine(root.Path, "loop"), root.Path);

            var notes = new List<string>();
            var files = BundleFiles.Enumerate(new[] { root.Path }, Array.Empty<string>(), notes);
            var results = new BundleScanner(new List<SecretNeedle>(), isClientProject: false, allowSourceMapSources: false, maxFileBytes: 64L * 1024 * 1024).Scan(files, notes);
            var found = results.SelectMany(r => r.Hits.Select(h => (File: Path.GetRelativePath(root.Path, r.Path).Replace('\\', '/'), h.RuleId))).OrderBy(x => x.File, StringComparer.Ordinal).ToList();

            Assert.Equal(
                new[]
                {
                    (".env.production", "LR1012"),
                    ("appsettings.Production.json", "LR1012"),
                    ("certs/private.pem", "LR1012"),
                    ("certs/site.pfx", "LR1012"),
                    ("data/latin1.txt", "LR1010"),
                    ("js/app.min.js", "LR1010"),
                    ("js/app.min.js.map", "LR1011"),
                    ("js/vendor.js.gz", "LR1010"),
                    ("web.config", "LR1012"),
                },
                found.OrderBy(x => x.File, StringComparer.Ordinal).ThenBy(x => x.RuleId, StringComparer.Ordinal).ToArray());
            Assert.Contains(notes, n => n.Contains("huge.json") && n.Contains("skipped"));
            Assert.Contains(notes, n => n.Contains("loop") && n.Contains("not followed"));
            var all = string.Join("\n", results.SelectMany(r => r.Hits).Select(h => h.Message).Concat(notes));
            Assert.False(all.Contains(key, StringComparison.Ordinal), "a secret value leaked");
            Assert.False(all.Contains(github, StringComparison.Ordinal), "a secret value leaked");
        }

        [Fact]
        public void ClientAppSettings_OfABlazorApp_AreScannedForSecretNamedValues_NotReportedAsServerFiles()
        {
            using var root = new TempDirectory();
            root.Write("appsettings.json", "{\n  \"Api\": { \"BaseUrl\": \"https://api.shop.com\" },\n  \"Payments\": { \"ApiSecret\": \"Hn5$Jk8#Lp2!qWzR\" }\n}");
            root.Write("sub/appsettings.json", "{}");
            var notes = new List<string>();
            var files = BundleFiles.Enumerate(new[] { root.Path }, Array.Empty<string>(), notes);
            var results = new BundleScanner(new List<SecretNeedle>(), isClientProject: true, allowSourceMapSources: false, maxFileBytes: 1 << 20).Scan(files, notes);

            var settings = results.Single(r => r.Path.EndsWith(Path.Combine(root.Path, "appsettings.json"), StringComparison.Ordinal));
            var hit = Assert.Single(settings.Hits);
            Assert.Equal(("LR1010", 3, 31), (hit.RuleId, hit.Line, hit.Column));
            Assert.Contains("'Payments:ApiSecret'", hit.Message);
            Assert.Equal("LR1012", Assert.Single(results.Single(r => r.Path.Contains("sub")).Hits).RuleId);
        }

        [Fact]
        public void AssemblyStringLiterals_AreReadFromTheUserStringHeap_WithTheMethodThatLoadsThem()
        {
            var key = Token("sk_live_", 32);
            var image = BuildAssembly(("Shop.Client.Pages.Checkout", "OnInitialized", key), ("Shop.Client.Program", "Main", "hello"));

            var strings = AssemblyStrings.Read(image);
            Assert.Contains(strings, s => s.Value == key && s.Method == "Shop.Client.Pages.Checkout.OnInitialized");
            Assert.Contains(strings, s => s.Value == "hello" && s.Method == "Shop.Client.Program.Main");

            using var root = new TempDirectory();
            root.WriteBytes("_framework/Shop.Client.dll", image);
            root.WriteBytes("_framework/System.Private.CoreLib.dll", image);
            var notes = new List<string>();
            var results = new BundleScanner(new List<SecretNeedle>(), true, false, 1 << 20).Scan(BundleFiles.Enumerate(new[] { root.Path }, Array.Empty<string>(), notes), notes);
            var hit = Assert.Single(Assert.Single(results).Hits);
            Assert.Contains("Shop.Client.Pages.Checkout.OnInitialized (Shop.Client.dll)", hit.Message);
            Assert.False(hit.Message.Contains(key, StringComparison.Ordinal), "a secret value leaked");
        }

        [Fact]
        public void MalformedAssemblies_YieldNoStrings_NeverAnException()
        {
            var image = BuildAssembly(("A.B", "C", "text"));
            var random = new Random(7);
            for (var round = 0; round < 300; round++)
            {
                var mutated = (byte[])image.Clone();
                for (var i = 0; i < 20; i++)
                {
                    mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
                }

                _ = AssemblyStrings.Read(round % 10 == 0 ? mutated.Take(random.Next(mutated.Length)).ToArray() : mutated);
            }

            Assert.Empty(AssemblyStrings.Read(Encoding.ASCII.GetBytes("MZ not a PE file at all WbIL and not webcil either")));
        }

        // A real PE assembly whose methods load the given string literals.
        private static byte[] BuildAssembly(params (string Type, string Method, string Literal)[] methods)
        {
            var builder = new PersistedAssemblyBuilder(new AssemblyName("Shop.Client"), typeof(object).Assembly);
            var module = builder.DefineDynamicModule("Shop.Client");
            foreach (var group in methods.GroupBy(m => m.Type))
            {
                var type = module.DefineType(group.Key, TypeAttributes.Public | TypeAttributes.Class);
                foreach (var method in group)
                {
                    var il = type.DefineMethod(method.Method, MethodAttributes.Public | MethodAttributes.Static, typeof(string), Type.EmptyTypes).GetILGenerator();
                    il.Emit(OpCodes.Ldc_I4_S, (sbyte)0x72); // an operand byte equal to ldstr's opcode must not be read as one
                    il.Emit(OpCodes.Pop);
                    il.Emit(OpCodes.Ldstr, method.Literal);
                    il.Emit(OpCodes.Ret);
                }

                type.CreateType();
            }

            using var stream = new MemoryStream();
            builder.Save(stream);
            return stream.ToArray();
        }
    }
}
