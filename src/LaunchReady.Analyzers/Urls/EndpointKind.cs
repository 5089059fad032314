namespace LaunchReady.Analyzers.Urls
{
    /// <summary>Why a host is not a production endpoint.</summary>
    public enum EndpointKind
    {
        None,
        Loopback,
        Unspecified,
        DockerHost,
        PrivateNetwork,
        LinkLocal,
        Tunnel,
        InternalDomain,
        LocalSqlServer,
        StorageEmulator,
        ConfiguredDevHost,
    }
}
