using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using LaunchReady.Detection;
using LaunchReady.Detection.Config;
using LaunchReady.Detection.Manifest;
using LaunchReady.Tasks.Infrastructure;

namespace LaunchReady.Tasks.Bundles
{
    /// <summary>Findings of one bundle file, with the file they are reported in.</summary>
    public readonly struct BundleFileFindings
    {
        public BundleFileFindings(string path, string relativePath, List<BundleHit> hits)
        {
            Path = path;
            RelativePath = relativePath;
            Hits = hits;
        }

        public string Path { get; }

        /// <summary>The path the file is served under, the same in build and publish output.</summary>
        public string RelativePath { get; }

        public List<BundleHit> Hits { get; }
    }

    /// <summary>
    /// Scans the files of a client bundle (LR1010-LR1012): text files for secrets, client settings for
    /// secret-named values, source maps for embedded sources, assemblies for secret string literals,
    /// precompressed copies through their originals, and every name for server-only files.
    /// </summary>
    public sealed class BundleScanner
    {
        private static readonly HashSet<string> TextExtensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            ".js", ".mjs", ".cjs", ".jsx", ".ts", ".css", ".html", ".htm", ".json", ".map", ".txt", ".xml", ".webmanifest",
            ".svg", ".md", ".csv", ".yml", ".yaml", ".config", ".ini", ".env", ".properties", ".toml", ".graphql", ".vue",
        };

        private static readonly HashSet<string> AssemblyExtensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".dll", ".wasm", ".webcil" };

        // The framework's own assemblies (and the runtime) hold no application secrets; skipping them keeps a Blazor publish fast.
        private static readonly string[] FrameworkPrefixes = { "System.", "Microsoft.", "netstandard", "mscorlib", "dotnet.", "WindowsBase" };

        private readonly TextBundleScanner text;
        private readonly IReadOnlyList<SecretNeedle> needles;
        private readonly bool isClientProject;
        private readonly bool allowSourceMapSources;
        private readonly long maxFileBytes;

        public BundleScanner(IReadOnlyList<SecretNeedle> needles, bool isClientProject, bool allowSourceMapSources, long maxFileBytes)
        {
            text = new TextBundleScanner(needles);
            this.needles = needles;
            this.isClientProject = isClientProject;
            this.allowSourceMapSources = allowSourceMapSources;
            this.maxFileBytes = maxFileBytes;
        }

        public List<BundleFileFindings> Scan(IReadOnlyList<BundleFile> files, List<string> notes)
        {
            var results = new List<BundleFileFindings>();
            var paths = new HashSet<string>(files.Select(f => f.Path), StringComparer.OrdinalIgnoreCase);
            foreach (var file in files)
            {
                try
                {
                    var hits = ScanFile(file, paths, notes);
                    if (hits.Count > 0)
                    {
                        results.Add(new BundleFileFindings(file.Path, file.RelativePath, hits));
                    }
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is InvalidDataException || e is System.Security.SecurityException)
                {
                    notes.Add($"{file.Path}: skipped, it cannot be read ({e.GetType().Name})");
                }
            }

            return results;
        }

        private List<BundleHit> ScanFile(BundleFile file, HashSet<string> allPaths, List<string> notes)
        {
            var hits = new List<BundleHit>();
            var extension = Path.GetExtension(file.Path);
            var relative = file.RelativePath;
            var compressed = extension.Equals(".gz", StringComparison.OrdinalIgnoreCase) || extension.Equals(".br", StringComparison.OrdinalIgnoreCase);
            if (compressed)
            {
                // app.js.br next to app.js: the original is scanned, the copy holds the same bytes.
                var original = file.Path.Substring(0, file.Path.Length - extension.Length);
                if (allPaths.Contains(original))
                {
                    return hits;
                }

                relative = relative.Substring(0, relative.Length - extension.Length);
                extension = Path.GetExtension(relative);
            }

            var info = new FileInfo(file.Path);
            if (info.Length > maxFileBytes)
            {
                notes.Add($"{file.Path}: skipped, {info.Length:N0} bytes is more than the {maxFileBytes:N0} the scan reads (LaunchReadyMaxBundleFileMegabytes)");
                return hits;
            }

            var isText = TextExtensions.Contains(extension) || Path.GetFileName(relative).StartsWith(".env", StringComparison.OrdinalIgnoreCase);
            var isAssembly = AssemblyExtensions.Contains(extension) && !IsFrameworkAssembly(relative);
            var serverOnly = ServerOnlyFiles.Reason(relative, isClientProject, () => compressed ? string.Empty : Head(file.Path));
            if (serverOnly is not null)
            {
                var fingerprint = RedactedSecret.FingerprintOf(relative);
                hits.Add(new BundleHit(
                    TaskRules.ServerFileInBundle.Id, -1,
                    $"'{relative}' is {serverOnly}, and everything in a client bundle can be downloaded by anyone; keep it out of wwwroot and the publish output (fingerprint {fingerprint})",
                    fingerprint));
            }

            if (!isText && !isAssembly)
            {
                return hits;
            }

            var bytes = compressed ? Decompress(file.Path, Path.GetExtension(file.Path), notes) : null;
            if (compressed && bytes is null)
            {
                return hits;
            }

            if (isAssembly)
            {
                hits.AddRange(ScanAssembly(bytes ?? File.ReadAllBytes(file.Path), Path.GetFileName(relative)));
                return hits;
            }

            using (var stream = bytes is null ? (Stream)new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024) : new MemoryStream(bytes))
            {
                hits.AddRange(text.Scan(stream));
            }

            var name = Path.GetFileName(relative);
            if (extension.Equals(".map", StringComparison.OrdinalIgnoreCase) && !allowSourceMapSources && !IsThirdPartyLocation(relative))
            {
                var content = bytes ?? File.ReadAllBytes(file.Path);
                var offset = SourceMaps.EmbeddedSourcesOffset(content, content.Length);
                if (offset >= 0)
                {
                    var prefix = System.Text.Encoding.UTF8.GetString(content, 0, offset);
                    var position = TextPosition.Of(prefix, prefix.Length);
                    var fingerprint = RedactedSecret.FingerprintOf(relative);
                    hits.Add(new BundleHit(
                        TaskRules.SourceMapWithSources.Id, offset,
                        $"'{relative}' embeds the original source code (sourcesContent), comments and all, for anyone who opens DevTools; build without embedded sources or keep maps off the server (fingerprint {fingerprint})",
                        fingerprint, position.Line, position.Column));
                }
            }

            if (name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && extension.Equals(".json", StringComparison.OrdinalIgnoreCase))
            {
                var content = bytes ?? File.ReadAllBytes(file.Path);
                hits.AddRange(ScanClientSettings(System.Text.Encoding.UTF8.GetString(content), name, hits));
            }

            hits.Sort((a, b) => a.Offset.CompareTo(b.Offset));
            return hits;
        }

        // Secret-named keys with real-looking values in client settings (a Blazor app's wwwroot/appsettings.json).
        private static IEnumerable<BundleHit> ScanClientSettings(string json, string name, List<BundleHit> already)
        {
            foreach (var entry in ConfigEntryReader.ReadJson(json))
            {
                if (!SecretNames.Default.IsSecretName(entry.Name))
                {
                    continue;
                }

                var finding = Manifest.CommittedSecretScanner.CommittedValue(entry.Value);
                if (finding is null)
                {
                    continue;
                }

                var start = entry.SpanOf(finding.Start, finding.Length).Start;
                var offset = System.Text.Encoding.UTF8.GetByteCount(json.Substring(0, start));
                if (already.Exists(h => h.Offset == offset))
                {
                    continue;
                }

                var position = TextPosition.Of(json, start);
                yield return new BundleHit(
                    TaskRules.SecretInBundle.Id, offset,
                    $"'{entry.Name}' in the client's {name} holds a credential '{finding.Redacted}'; client settings are downloaded by every visitor, so keep it on the server",
                    finding.Redacted.Fingerprint, position.Line, position.Column);
            }
        }

        private IEnumerable<BundleHit> ScanAssembly(byte[] image, string assembly)
        {
            foreach (var literal in AssemblyStrings.Read(image))
            {
                var where = literal.Method is null ? $"a string literal of {assembly}" : $"a string literal in {literal.Method} ({assembly})";
                var providers = SecretDetector.Scan(literal.Value);
                if (providers is not null)
                {
                    foreach (var finding in providers)
                    {
                        yield return new BundleHit(
                            TaskRules.SecretInBundle.Id, -1,
                            $"{where} holds {Article(finding.Provider)} {finding.Provider} '{finding.Redacted}'; the assembly is downloaded by every visitor, so move the call that needs it to the server and rotate it",
                            finding.Redacted.Fingerprint);
                    }
                }

                foreach (var needle in needles)
                {
                    if (needle.Form.Length == 0 && literal.Value.IndexOf(needle.Text, StringComparison.Ordinal) >= 0)
                    {
                        yield return new BundleHit(
                            TaskRules.SecretInBundle.Id, -1,
                            $"{where} holds the value of the secret variable '{needle.Variable}' ({needle.Redacted}); the assembly is downloaded by every visitor, so keep it on the server and rotate it",
                            needle.Redacted.Fingerprint);
                    }
                }
            }
        }

        private byte[]? Decompress(string path, string extension, List<string> notes)
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            using var decompressed = extension.Equals(".gz", StringComparison.OrdinalIgnoreCase)
                ? new GZipStream(file, CompressionMode.Decompress)
                : Brotli(file);
            if (decompressed is null)
            {
                notes.Add($"{path}: skipped, Brotli is not available in this MSBuild and the uncompressed original is not in the bundle");
                return null;
            }

            using var memory = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = decompressed.Read(buffer, 0, buffer.Length)) > 0)
            {
                memory.Write(buffer, 0, read);
                if (memory.Length > maxFileBytes)
                {
                    notes.Add($"{path}: skipped, it decompresses to more than {maxFileBytes:N0} bytes");
                    return null;
                }
            }

            return memory.ToArray();
        }

        // BrotliStream is part of .NET (the dotnet CLI's MSBuild) but not of netstandard2.0 or .NET Framework.
        private static Stream? Brotli(Stream input)
        {
            var type = Type.GetType("System.IO.Compression.BrotliStream, System.IO.Compression.Brotli", throwOnError: false);
            return type is null ? null : (Stream?)Activator.CreateInstance(type, input, CompressionMode.Decompress);
        }

        private static string Head(string path)
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            var buffer = new byte[64 * 1024];
            var read = stream.Read(buffer, 0, buffer.Length);
            return System.Text.Encoding.GetEncoding(28591).GetString(buffer, 0, read);
        }

        // Published open-source code, not yours: client libraries (wwwroot/lib, as the ASP.NET Core templates
        // lay them out), the .NET runtime's own files (_framework) and packages' static web assets (_content).
        private static bool IsThirdPartyLocation(string relative)
        {
            var path = "/" + relative.Replace('\\', '/');
            return path.StartsWith("/lib/", StringComparison.OrdinalIgnoreCase)
                || path.IndexOf("/_framework/", StringComparison.OrdinalIgnoreCase) >= 0
                || path.IndexOf("/_content/", StringComparison.OrdinalIgnoreCase) >= 0
                || path.IndexOf("/node_modules/", StringComparison.OrdinalIgnoreCase) >= 0;
        }

        private static bool IsFrameworkAssembly(string relative)
        {
            var name = Path.GetFileName(relative);
            return FrameworkPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase));
        }

        private static string Article(string provider) =>
            provider.Length > 0 && "AEIOUaeiou".IndexOf(provider[0]) >= 0 ? "an" : "a";
    }
}
