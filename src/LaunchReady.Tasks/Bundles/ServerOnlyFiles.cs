using System;
using System.IO;

namespace LaunchReady.Tasks.Bundles
{
    /// <summary>LR1012: files that belong to the server and must never be served to browsers.</summary>
    public static class ServerOnlyFiles
    {
        private static readonly string[] TemplateQualifiers = { "example", "sample", "template" };

        /// <summary>
        /// Why the file must not be in a bundle, or null when it may be. <paramref name="head"/> holds the file's
        /// first bytes as Latin-1 (enough to see a PEM header or a connection string in a web.config).
        /// </summary>
        public static string? Reason(string relativePath, bool isClientProject, Func<string> head)
        {
            var name = Path.GetFileName(relativePath).ToLowerInvariant();
            var extension = Path.GetExtension(name);
            if (name.StartsWith("appsettings", StringComparison.Ordinal) && extension == ".json")
            {
                // A Blazor WebAssembly app's own wwwroot/appsettings*.json are its (public) client settings;
                // anywhere else, an appsettings file in the bundle is the server's configuration.
                var isClientOwn = isClientProject && Path.GetDirectoryName(relativePath.Replace('\\', '/'))?.Length == 0;
                return isClientOwn ? null : "the server's configuration (connection strings, keys and internal hosts)";
            }

            if (name == ".env" || name.StartsWith(".env.", StringComparison.Ordinal) || extension == ".env")
            {
                foreach (var qualifier in TemplateQualifiers)
                {
                    if (name.Contains(qualifier))
                    {
                        return null;
                    }
                }

                return "a dotenv file, which holds the environment's secrets";
            }

            switch (extension)
            {
                case ".pfx":
                case ".p12":
                    return "a certificate store with its private key";
                case ".key":
                    return "a private key file";
                case ".pem":
                    return head().IndexOf("PRIVATE KEY-----", StringComparison.Ordinal) >= 0 ? "a PEM file with a private key" : null;
                case ".publishsettings":
                    return "publish settings with deployment credentials";
            }

            if (name == "secrets.json")
            {
                return "a user-secrets file";
            }

            if (name == "id_rsa" || name == "id_ecdsa" || name == "id_ed25519")
            {
                return "an SSH private key";
            }

            if (name == "web.config" && head().IndexOf("connectionstring", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return "a web.config with connection strings";
            }

            return null;
        }
    }
}
