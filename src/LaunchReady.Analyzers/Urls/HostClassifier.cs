using System;
using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;

namespace LaunchReady.Analyzers.Urls
{
    /// <summary>Tells whether a host is a development or internal endpoint, and which kind.</summary>
    public static class HostClassifier
    {
        // Hosts under these suffixes forward to a developer's machine.
        private static readonly string[] TunnelSuffixes =
        {
            ".ngrok.io", ".ngrok.app", ".ngrok.dev", ".ngrok-free.app", ".ngrok-free.dev",
            ".loca.lt", ".localtunnel.me", ".trycloudflare.com", ".serveo.net", ".serveousercontent.com",
            ".localhost.run", ".lhr.life", ".pagekite.me", ".devtunnels.ms", ".app.github.dev",
            ".githubpreview.dev", ".gitpod.io", ".tunnelto.dev", ".pinggy.link", ".loclx.io",
            ".sharedwithexpose.com", ".nip.io", ".sslip.io",
        };

        // Names that resolve to 127.0.0.1 by public DNS.
        private static readonly string[] LoopbackAliases = { "localtest.me", "lvh.me" };

        private static readonly string[] InternalSuffixes = { ".local", ".test", ".internal", ".lan", ".home.arpa", ".localdomain" };

        private static readonly string[] DockerHosts =
        {
            "host.docker.internal", "gateway.docker.internal", "kubernetes.docker.internal", "host.containers.internal",
        };

        // Cloud instance-metadata endpoints are link-local or internal by design and are the only address there is.
        private static readonly string[] CloudMetadataHosts =
        {
            "169.254.169.254", "169.254.170.2", "[fd00:ec2::254]", "fd00:ec2::254", "metadata.google.internal",
        };

        public static EndpointKind Classify(string host, ImmutableArray<string> configuredDevHosts)
        {
            var name = host.Trim().TrimEnd('.').ToLowerInvariant();
            if (name.Length == 0 || IsCloudMetadataHost(name))
            {
                return EndpointKind.None;
            }

            if (name == "localhost" || name.EndsWith(".localhost", StringComparison.Ordinal) || MatchesAlias(name))
            {
                return EndpointKind.Loopback;
            }

            var address = ClassifyAddress(name);
            if (address != EndpointKind.None)
            {
                return address;
            }

            if (Array.IndexOf(DockerHosts, name) >= 0)
            {
                return EndpointKind.DockerHost;
            }

            foreach (var suffix in TunnelSuffixes)
            {
                if (name.EndsWith(suffix, StringComparison.Ordinal))
                {
                    return EndpointKind.Tunnel;
                }
            }

            if (IsClusterInternal(name))
            {
                return EndpointKind.None;
            }

            foreach (var suffix in InternalSuffixes)
            {
                if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Length > suffix.Length)
                {
                    return EndpointKind.InternalDomain;
                }
            }

            return MatchesAny(name, configuredDevHosts) ? EndpointKind.ConfiguredDevHost : EndpointKind.None;
        }

        /// <summary>True when the host matches one of the user's patterns (<c>launchready.dev_hosts</c> syntax).</summary>
        public static bool MatchesAny(string host, ImmutableArray<string> patterns)
        {
            if (patterns.IsEmpty)
            {
                return false;
            }

            var name = host.Trim().TrimEnd('.').ToLowerInvariant();
            foreach (var pattern in patterns)
            {
                if (MatchesHostPattern(name, pattern))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Kubernetes service DNS (*.cluster.local) is the production address inside a cluster, and never public.</summary>
        public static bool IsClusterInternal(string host) =>
            host.TrimEnd('.').EndsWith(".cluster.local", StringComparison.OrdinalIgnoreCase);

        /// <summary>Instance-metadata services answer only on this fixed address, over plain http.</summary>
        public static bool IsCloudMetadataHost(string host) =>
            Array.IndexOf(CloudMetadataHosts, host.Trim().TrimEnd('.').ToLowerInvariant()) >= 0;

        /// <summary>RFC 2606 names that stand for "some host" in docs and samples.</summary>
        public static bool IsPlaceholderHost(string host)
        {
            var name = host.Trim().TrimEnd('.').ToLowerInvariant();
            return name == "example.com" || name == "example.org" || name == "example.net" || name == "example"
                || name.EndsWith(".example.com", StringComparison.Ordinal)
                || name.EndsWith(".example.org", StringComparison.Ordinal)
                || name.EndsWith(".example.net", StringComparison.Ordinal)
                || name.EndsWith(".example", StringComparison.Ordinal)
                || name.EndsWith(".invalid", StringComparison.Ordinal);
        }

        /// <summary>True for a syntactically valid DNS name or IP literal.</summary>
        public static bool IsHostName(string host)
        {
            if (host.Length == 0 || host.Length > 255)
            {
                return false;
            }

            if (host[0] == '[')
            {
                return host[host.Length - 1] == ']' && IPAddress.TryParse(host.Substring(1, host.Length - 2), out _);
            }

            var labelLength = 0;
            foreach (var c in host)
            {
                if (c == '.')
                {
                    if (labelLength == 0)
                    {
                        return false;
                    }

                    labelLength = 0;
                }
                else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_')
                {
                    labelLength++;
                }
                else
                {
                    return false;
                }
            }

            return true;
        }

        private static bool MatchesAlias(string name)
        {
            foreach (var alias in LoopbackAliases)
            {
                if (name.EndsWith(alias, StringComparison.Ordinal)
                    && (name.Length == alias.Length || name[name.Length - alias.Length - 1] == '.'))
                {
                    return true;
                }
            }

            return false;
        }

        private static EndpointKind ClassifyAddress(string name)
        {
            if (TryParseIPv4(name, out var a, out var b, out var c, out var d))
            {
                return ClassifyIPv4(a, b, c, d);
            }

            var inner = name.Length > 2 && name[0] == '[' && name[name.Length - 1] == ']' ? name.Substring(1, name.Length - 2) : name;
            if (inner.IndexOf(':') < 0 || !IPAddress.TryParse(inner, out var address) || address.AddressFamily != AddressFamily.InterNetworkV6)
            {
                return EndpointKind.None;
            }

            if (address.IsIPv4MappedToIPv6)
            {
                var bytes4 = address.MapToIPv4().GetAddressBytes();
                return ClassifyIPv4(bytes4[0], bytes4[1], bytes4[2], bytes4[3]);
            }

            if (IPAddress.IPv6Loopback.Equals(address))
            {
                return EndpointKind.Loopback;
            }

            if (IPAddress.IPv6Any.Equals(address))
            {
                return EndpointKind.Unspecified;
            }

            var bytes = address.GetAddressBytes();
            if ((bytes[0] & 0xFE) == 0xFC)
            {
                return EndpointKind.PrivateNetwork; // fc00::/7 unique local
            }

            return bytes[0] == 0xFE && (bytes[1] & 0xC0) == 0x80 ? EndpointKind.LinkLocal : EndpointKind.None;
        }

        private static EndpointKind ClassifyIPv4(int a, int b, int c, int d)
        {
            if (a == 127)
            {
                return EndpointKind.Loopback;
            }

            if (a == 0 && b == 0 && c == 0 && d == 0)
            {
                return EndpointKind.Unspecified;
            }

            if (a == 10 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168))
            {
                return EndpointKind.PrivateNetwork;
            }

            return a == 169 && b == 254 ? EndpointKind.LinkLocal : EndpointKind.None;
        }

        // Dotted-quad only: IPAddress.TryParse also accepts "1" or "0x7f000001", which are not how people write hosts.
        private static bool TryParseIPv4(string text, out int a, out int b, out int c, out int d)
        {
            a = b = c = d = 0;
            var start = 0;
            return TryReadOctet(text, ref start, out a) && TryReadOctet(text, ref start, out b)
                && TryReadOctet(text, ref start, out c) && TryReadOctet(text, ref start, out d) && start == text.Length + 1;
        }

        // One to three digits up to 255, then a dot or the end; start moves past the dot.
        private static bool TryReadOctet(string text, ref int start, out int value)
        {
            value = 0;
            var i = start;
            while (i < text.Length && i - start < 3 && text[i] >= '0' && text[i] <= '9')
            {
                value = (value * 10) + (text[i] - '0');
                i++;
            }

            if (i == start || value > 255 || (i < text.Length && text[i] != '.'))
            {
                return false;
            }

            start = i + 1;
            return true;
        }

        // "staging.shop.com" matches itself; "*.staging.shop.com" matches its subdomains; "*" elsewhere is a wildcard.
        private static bool MatchesHostPattern(string name, string pattern)
        {
            var lowered = pattern.Trim().TrimEnd('.').ToLowerInvariant();
            if (lowered.Length == 0)
            {
                return false;
            }

            return lowered.IndexOf('*') < 0 ? name == lowered : Glob(name, lowered);
        }

        // Wildcard match with backtracking to the last '*' only: linear in practice, never exponential.
        private static bool Glob(string text, string pattern)
        {
            int t = 0, p = 0, starP = -1, starT = 0;
            while (t < text.Length)
            {
                if (p < pattern.Length && pattern[p] == text[t])
                {
                    t++;
                    p++;
                }
                else if (p < pattern.Length && pattern[p] == '*')
                {
                    starP = p++;
                    starT = t;
                }
                else if (starP >= 0)
                {
                    p = starP + 1;
                    t = ++starT;
                }
                else
                {
                    return false;
                }
            }

            while (p < pattern.Length && pattern[p] == '*')
            {
                p++;
            }

            return p == pattern.Length;
        }
    }
}
