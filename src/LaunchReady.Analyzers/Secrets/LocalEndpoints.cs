using System.Collections.Immutable;
using LaunchReady.Analyzers.Urls;

namespace LaunchReady.Analyzers.Secrets
{
    /// <summary>Does a connection string point at this machine or a local container? Then its password guards a development database.</summary>
    internal static class LocalEndpoints
    {
        public static bool Contains(string connectionString)
        {
            var candidates = EndpointScanner.Scan(connectionString);
            if (candidates is null)
            {
                return false;
            }

            foreach (var candidate in candidates)
            {
                var kind = candidate.FixedKind != EndpointKind.None ? candidate.FixedKind : HostClassifier.Classify(candidate.Host, ImmutableArray<string>.Empty);
                if (kind == EndpointKind.Loopback || kind == EndpointKind.LocalSqlServer || kind == EndpointKind.DockerHost)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
