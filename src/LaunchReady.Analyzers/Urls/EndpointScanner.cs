using System;
using System.Collections.Generic;
using LaunchReady.Detection;

namespace LaunchReady.Analyzers.Urls
{
    /// <summary>
    /// Finds hosts in a string: URLs with any scheme, hosts in connection strings, and strings that
    /// are nothing but <c>host[:port]</c>. Pure text work with no allocation for the common case of
    /// a string that holds no endpoint, because it runs on every string literal.
    /// </summary>
    public static class EndpointScanner
    {
        private const int MaxHostLength = 253;

        private static readonly string[] ConnectionStringHostKeys =
        {
            "host", "hostname", "server", "data source", "datasource", "address", "addr", "network address",
        };

        // Lower-case scheme; http and https (nearly every URL) without allocating.
        private static string SchemeOf(string text, int start, int length)
        {
            if (length == 5 && string.Compare(text, start, "https", 0, 5, StringComparison.OrdinalIgnoreCase) == 0)
            {
                return "https";
            }

            if (length == 4 && string.Compare(text, start, "http", 0, 4, StringComparison.OrdinalIgnoreCase) == 0)
            {
                return "http";
            }

            return text.Substring(start, length).ToLowerInvariant();
        }

        /// <summary>Every endpoint in <paramref name="text"/>, or null when there is none.</summary>
        public static List<EndpointCandidate>? Scan(string text)
        {
            if (text.Length < 3)
            {
                return null;
            }

            List<EndpointCandidate>? results = null;
            var foundUrl = ScanUrls(text, ref results);
            if (text.IndexOf('=') >= 0 && StartsWithKeyValue(text))
            {
                ScanConnectionString(text, ref results);
            }
            else if (!foundUrl)
            {
                ScanBareHost(text, ref results);
            }

            return results;
        }

        private static void Add(ref List<EndpointCandidate>? results, EndpointCandidate candidate)
        {
            results ??= new List<EndpointCandidate>();
            results.Add(candidate);
        }

        private static bool ScanUrls(string text, ref List<EndpointCandidate>? results)
        {
            var found = false;
            var separator = text.IndexOf("://", StringComparison.Ordinal);
            while (separator >= 0)
            {
                var schemeStart = separator;
                while (schemeStart > 0 && IsSchemeChar(text[schemeStart - 1]))
                {
                    schemeStart--;
                }

                while (schemeStart < separator && !IsAsciiLetter(text[schemeStart]))
                {
                    schemeStart++;
                }

                var authorityStart = separator + 3;
                var authorityEnd = authorityStart;
                while (authorityEnd < text.Length && !IsAuthorityTerminator(text[authorityEnd]))
                {
                    authorityEnd++;
                }

                // "{scheme}://host" in an interpolated string: the text part starts at "://".
                var hasScheme = schemeStart < separator;
                if ((hasScheme || separator == 0) && authorityEnd > authorityStart)
                {
                    var hostStart = text.LastIndexOf('@', authorityEnd - 1, authorityEnd - authorityStart) + 1;
                    if (hostStart == 0)
                    {
                        hostStart = authorityStart;
                    }

                    var scheme = hasScheme ? SchemeOf(text, schemeStart, separator - schemeStart) : null;
                    var reportStart = hasScheme ? schemeStart : hostStart;

                    // mongodb://a:27017,b:27017 lists several hosts; each is an endpoint.
                    while (true)
                    {
                        var listEnd = hostStart;
                        while (listEnd < text.Length && !IsAuthorityTerminator(text[listEnd]))
                        {
                            listEnd++;
                        }

                        if (TryReadHost(text, hostStart, listEnd, out var hostEnd, out var hasPort))
                        {
                            Add(ref results, new EndpointCandidate(
                                EndpointForm.Url,
                                reportStart,
                                listEnd - reportStart,
                                scheme,
                                text.Substring(hostStart, hostEnd - hostStart),
                                hasPort,
                                urlStart: hasScheme ? schemeStart : separator));
                            found = true;
                        }

                        if (listEnd >= text.Length || text[listEnd] != ',')
                        {
                            authorityEnd = listEnd;
                            break;
                        }

                        hostStart = listEnd + 1;
                        reportStart = hostStart;
                    }
                }

                separator = text.IndexOf("://", Math.Max(authorityEnd, separator + 3), StringComparison.Ordinal);
            }

            return found;
        }

        // Reads host[:port] from text[start, end). IPv6 hosts keep their brackets.
        private static bool TryReadHost(string text, int start, int end, out int hostEnd, out bool hasPort)
        {
            hasPort = false;
            hostEnd = start;
            if (start >= end)
            {
                return false;
            }

            if (text[start] == '[')
            {
                var close = text.IndexOf(']', start, end - start);
                if (close < 0)
                {
                    return false;
                }

                hostEnd = close + 1;
            }
            else
            {
                while (hostEnd < end && text[hostEnd] != ':')
                {
                    hostEnd++;
                }
            }

            if (hostEnd == start || hostEnd - start > MaxHostLength + 2)
            {
                return false;
            }

            if (hostEnd < end)
            {
                if (text[hostEnd] != ':')
                {
                    return false;
                }

                hasPort = true;
                for (var i = hostEnd + 1; i < end; i++)
                {
                    if (text[i] < '0' || text[i] > '9')
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        private static void ScanConnectionString(string text, ref List<EndpointCandidate>? results)
        {
            foreach (var part in ConnectionStringReader.Read(text))
            {
                if (IsHostKey(part.Key))
                {
                    AddConnectionStringHosts(text, part.ValueStart, part.ValueEnd, ref results);
                }
                else if (string.Equals(part.Key, "UseDevelopmentStorage", StringComparison.OrdinalIgnoreCase)
                    && string.Equals(text.Substring(part.ValueStart, part.ValueEnd - part.ValueStart), "true", StringComparison.OrdinalIgnoreCase))
                {
                    Add(ref results, new EndpointCandidate(
                        EndpointForm.ConnectionString,
                        part.KeyStart,
                        part.ValueEnd - part.KeyStart,
                        null,
                        "UseDevelopmentStorage=true",
                        false,
                        EndpointKind.StorageEmulator));
                }
            }
        }

        // One value may list several hosts (Npgsql "Host=a,b"); SQL Server writes "tcp:server\instance,port".
        private static void AddConnectionStringHosts(string text, int start, int end, ref List<EndpointCandidate>? results)
        {
            var partStart = start;
            while (partStart < end)
            {
                var partEnd = text.IndexOf(',', partStart, end - partStart);
                if (partEnd < 0)
                {
                    partEnd = end;
                }

                var hostStart = partStart;
                while (hostStart < partEnd && char.IsWhiteSpace(text[hostStart]))
                {
                    hostStart++;
                }

                var fixedKind = EndpointKind.None;
                var protocol = text.IndexOf(':', hostStart, partEnd - hostStart);
                if (protocol > hostStart && protocol - hostStart <= 3 && (protocol + 1 >= partEnd || text[protocol + 1] != '/'))
                {
                    // tcp: / np: / lpc: prefixes; lpc is shared memory, which only reaches the local machine.
                    if (string.Compare(text, hostStart, "lpc", 0, 3, StringComparison.OrdinalIgnoreCase) == 0)
                    {
                        fixedKind = EndpointKind.LocalSqlServer;
                    }

                    hostStart = protocol + 1;
                }

                var hostEnd = hostStart;
                if (hostEnd < partEnd && text[hostEnd] == '(')
                {
                    // (localdb)\instance and (local); anything else in parentheses is an Oracle descriptor.
                    if (string.Compare(text, hostEnd, "(localdb)", 0, 9, StringComparison.OrdinalIgnoreCase) == 0)
                    {
                        hostEnd += 9;
                    }
                    else if (string.Compare(text, hostEnd, "(local)", 0, 7, StringComparison.OrdinalIgnoreCase) == 0)
                    {
                        hostEnd += 7;
                    }
                    else
                    {
                        partStart = partEnd + 1;
                        continue;
                    }

                    fixedKind = EndpointKind.LocalSqlServer;
                }
                else if (hostEnd < partEnd && text[hostEnd] == '[')
                {
                    var close = text.IndexOf(']', hostEnd, partEnd - hostEnd);
                    hostEnd = close < 0 ? partEnd : close + 1;
                }
                else
                {
                    while (hostEnd < partEnd && text[hostEnd] != '\\' && text[hostEnd] != ':' && !char.IsWhiteSpace(text[hostEnd]))
                    {
                        hostEnd++;
                    }
                }

                if (hostEnd > hostStart && !IsAllDigits(text, hostStart, hostEnd))
                {
                    var host = text.Substring(hostStart, hostEnd - hostStart);
                    if (host == ".")
                    {
                        fixedKind = EndpointKind.LocalSqlServer;
                    }

                    var hasPort = hostEnd < partEnd && text[hostEnd] == ':';
                    Add(ref results, new EndpointCandidate(EndpointForm.ConnectionString, hostStart, hostEnd - hostStart, null, host, hasPort, fixedKind));
                }

                partStart = partEnd + 1;
            }
        }

        private static void ScanBareHost(string text, ref List<EndpointCandidate>? results)
        {
            var start = 0;
            var end = text.Length;
            if (end > 4096 || text.IndexOf(' ', 0, end) >= 0)
            {
                return;
            }

            // "broker1:9092,localhost:9093" (Kafka) lists endpoints; "localhost:6379,abortConnect=false"
            // (StackExchange.Redis) lists them before its options.
            var segmentStart = start;
            while (segmentStart < end)
            {
                var comma = text.IndexOf(',', segmentStart, end - segmentStart);
                var segmentEnd = comma < 0 ? end : comma;
                if (text.IndexOf('=', segmentStart, segmentEnd - segmentStart) >= 0)
                {
                    return;
                }

                ScanBareSegment(text, segmentStart, segmentEnd, ref results);
                segmentStart = segmentEnd + 1;
            }
        }

        private static void ScanBareSegment(string text, int start, int end, ref List<EndpointCandidate>? results)
        {
            while (start < end && char.IsWhiteSpace(text[start]))
            {
                start++;
            }

            while (end > start && char.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }

            if (end - start > MaxHostLength + 8 || end - start < 3)
            {
                return;
            }

            // Single-label names never classify, except localhost itself.
            if (text.IndexOf('.', start, end - start) < 0 && text.IndexOf(':', start, end - start) < 0
                && !(end - start == 9 && string.Compare(text, start, "localhost", 0, 9, StringComparison.OrdinalIgnoreCase) == 0))
            {
                return;
            }

            for (var i = start; i < end; i++)
            {
                var c = text[i];
                if (!(IsAsciiLetter(c) || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_' || c == ':' || c == '[' || c == ']'))
                {
                    return;
                }
            }

            int hostEnd;
            bool hasPort;
            if (text[start] != '[' && CountColons(text, start, end) >= 2)
            {
                // A bare IPv6 address such as ::1 carries no port; "Logging:LogLevel:Default" and "HH:mm:ss" are not addresses.
                if (!IsIPv6Text(text, start, end))
                {
                    return;
                }

                hostEnd = end;
                hasPort = false;
            }
            else if (!TryReadHost(text, start, end, out hostEnd, out hasPort))
            {
                return;
            }

            Add(ref results, new EndpointCandidate(EndpointForm.BareHost, start, end - start, null, text.Substring(start, hostEnd - start), hasPort));
        }

        private static bool StartsWithKeyValue(string text)
        {
            var i = 0;
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var keyStart = i;
            while (i < text.Length && (IsAsciiLetter(text[i]) || text[i] == ' ' || text[i] == '_'))
            {
                i++;
            }

            return i > keyStart && i < text.Length && text[i] == '=';
        }

        private static bool IsHostKey(string key)
        {
            foreach (var candidate in ConnectionStringHostKeys)
            {
                if (string.Equals(key, candidate, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        private static int CountColons(string text, int start, int end)
        {
            var count = 0;
            for (var i = start; i < end; i++)
            {
                if (text[i] == ':')
                {
                    count++;
                }
            }

            return count;
        }

        // Hex digits, colons, and dots for an embedded IPv4 tail: the only characters of an IPv6 address.
        private static bool IsIPv6Text(string text, int start, int end)
        {
            for (var i = start; i < end; i++)
            {
                var c = text[i];
                if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' || c == '.'))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsAllDigits(string text, int start, int end)
        {
            for (var i = start; i < end; i++)
            {
                if (text[i] < '0' || text[i] > '9')
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

        private static bool IsSchemeChar(char c) => IsAsciiLetter(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';

        private static bool IsAuthorityTerminator(char c)
        {
            switch (c)
            {
                case '/':
                case '?':
                case '#':
                case '"':
                case '\'':
                case '<':
                case '>':
                case '\\':
                case '{':
                case '}':
                case '|':
                case '^':
                case '`':
                case ',':
                case ';':
                case '(':
                case ')':
                    return true;
                default:
                    return char.IsWhiteSpace(c) || char.IsControl(c);
            }
        }
    }
}
