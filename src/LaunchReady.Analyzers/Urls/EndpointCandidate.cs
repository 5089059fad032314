namespace LaunchReady.Analyzers.Urls
{
    /// <summary>How an endpoint was written in the text.</summary>
    public enum EndpointForm
    {
        /// <summary><c>scheme://host[:port]...</c></summary>
        Url,

        /// <summary>A host in a connection string (<c>Host=</c>, <c>Server=</c>, <c>Data Source=</c>, ...).</summary>
        ConnectionString,

        /// <summary>The whole text is <c>host[:port]</c>.</summary>
        BareHost,
    }

    /// <summary>A host found in a piece of text, with the span to report (offsets into that text).</summary>
    public readonly struct EndpointCandidate
    {
        public EndpointCandidate(EndpointForm form, int start, int length, string? scheme, string host, bool hasPort, EndpointKind fixedKind = EndpointKind.None, int urlStart = -1)
        {
            Form = form;
            Start = start;
            UrlStart = urlStart < 0 ? start : urlStart;
            Length = length;
            Scheme = scheme;
            Host = host;
            HasPort = hasPort;
            FixedKind = fixedKind;
        }

        public EndpointForm Form { get; }

        /// <summary>Where the URL this host belongs to begins (its scheme, or "://" when the scheme is an interpolation hole).</summary>
        public int UrlStart { get; }

        public int Start { get; }

        /// <summary>For URLs: scheme through port. For other forms: the host (or the whole text).</summary>
        public int Length { get; }

        /// <summary>Lower-case scheme of a URL; null for other forms.</summary>
        public string? Scheme { get; }

        public string Host { get; }

        public bool HasPort { get; }

        /// <summary>Set when the form alone decides the kind (<c>(localdb)</c>, <c>UseDevelopmentStorage=true</c>).</summary>
        public EndpointKind FixedKind { get; }
    }
}
