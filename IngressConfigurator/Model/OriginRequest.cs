namespace MediaStack.IngressConfigurator.Model;

/// <summary>
/// How cloudflared talks to an origin (<c>originRequest</c>). Every field is optional: an unset field
/// falls back to the top-level block and then to cloudflared's default (see <see cref="Defaults"/>).
/// </summary>
public sealed record OriginRequest
{
    /// <summary>Gets cloudflared's documented defaults for every field.</summary>
    public static OriginRequest Defaults { get; } = new()
    {
        ConnectTimeout = GoDuration.FromSeconds(30),
        TlsTimeout = GoDuration.FromSeconds(10),
        TcpKeepAlive = GoDuration.FromSeconds(30),
        NoHappyEyeballs = false,
        KeepAliveConnections = 100,
        KeepAliveTimeout = GoDuration.FromSeconds(90),
        HttpHostHeader = string.Empty,
        OriginServerName = string.Empty,
        MatchSniToHost = false,
        CaPool = string.Empty,
        NoTlsVerify = false,
        DisableChunkedEncoding = false,
        BastionMode = false,
        ProxyAddress = "127.0.0.1",
        ProxyPort = 0,
        ProxyType = string.Empty,
        IpRules = [],
        Http2Origin = false,
        Access = new OriginAccess(),
    };

    /// <summary>Gets the timeout for establishing a connection to the origin (<c>connectTimeout</c>, default 30s).</summary>
    public GoDuration? ConnectTimeout { get; init; }

    /// <summary>Gets the timeout for the TLS handshake with the origin (<c>tlsTimeout</c>, default 10s).</summary>
    public GoDuration? TlsTimeout { get; init; }

    /// <summary>Gets the TCP keep-alive interval towards the origin (<c>tcpKeepAlive</c>, default 30s).</summary>
    public GoDuration? TcpKeepAlive { get; init; }

    /// <summary>Gets a value indicating whether Happy Eyeballs IPv4/IPv6 fallback is off (<c>noHappyEyeballs</c>, default false).</summary>
    public bool? NoHappyEyeballs { get; init; }

    /// <summary>Gets the maximum number of idle keep-alive connections (<c>keepAliveConnections</c>, default 100).</summary>
    public int? KeepAliveConnections { get; init; }

    /// <summary>Gets how long an idle keep-alive connection is kept (<c>keepAliveTimeout</c>, default 1m30s).</summary>
    public GoDuration? KeepAliveTimeout { get; init; }

    /// <summary>Gets the Host header sent to the origin (<c>httpHostHeader</c>, default empty).</summary>
    public string? HttpHostHeader { get; init; }

    /// <summary>Gets the hostname expected on the origin certificate (<c>originServerName</c>, default empty).</summary>
    public string? OriginServerName { get; init; }

    /// <summary>Gets a value indicating whether the SNI follows the request host (<c>matchSNItoHost</c>, default false).</summary>
    public bool? MatchSniToHost { get; init; }

    /// <summary>Gets the path of a CA bundle for the origin certificate (<c>caPool</c>, default empty).</summary>
    public string? CaPool { get; init; }

    /// <summary>Gets a value indicating whether the origin certificate is not checked (<c>noTLSVerify</c>, default false).</summary>
    public bool? NoTlsVerify { get; init; }

    /// <summary>Gets a value indicating whether chunked transfer encoding is off (<c>disableChunkedEncoding</c>, default false).</summary>
    public bool? DisableChunkedEncoding { get; init; }

    /// <summary>Gets a value indicating whether the rule runs as a jump host (<c>bastionMode</c>, default false).</summary>
    public bool? BastionMode { get; init; }

    /// <summary>Gets the listen address of a proxy cloudflared starts (<c>proxyAddress</c>, default 127.0.0.1).</summary>
    public string? ProxyAddress { get; init; }

    /// <summary>Gets the listen port of a proxy cloudflared starts (<c>proxyPort</c>, default 0, a random port).</summary>
    public uint? ProxyPort { get; init; }

    /// <summary>Gets the proxy kind cloudflared starts: empty or <c>socks</c> (<c>proxyType</c>, default empty).</summary>
    public string? ProxyType { get; init; }

    /// <summary>Gets the address rules of a <c>socks-proxy</c> service (<c>ipRules</c>, default none).</summary>
    public IReadOnlyList<IpRule>? IpRules { get; init; }

    /// <summary>Gets a value indicating whether HTTP/2 is used towards the origin (<c>http2Origin</c>, default false).</summary>
    public bool? Http2Origin { get; init; }

    /// <summary>Gets the Access token check (<c>access</c>, default not required).</summary>
    public OriginAccess? Access { get; init; }

    /// <summary>
    /// Returns these settings with every field that <paramref name="overrides"/> sets replaced, as cloudflared
    /// applies a rule's <c>originRequest</c> over the top-level one (<c>ipRules</c> only when non-empty).
    /// </summary>
    /// <param name="overrides">The more specific settings, or <see langword="null"/>.</param>
    /// <returns>The combined settings.</returns>
    public OriginRequest OverriddenBy(OriginRequest? overrides)
    {
        if (overrides is null)
        {
            return this;
        }

        return new OriginRequest
        {
            ConnectTimeout = overrides.ConnectTimeout ?? ConnectTimeout,
            TlsTimeout = overrides.TlsTimeout ?? TlsTimeout,
            TcpKeepAlive = overrides.TcpKeepAlive ?? TcpKeepAlive,
            NoHappyEyeballs = overrides.NoHappyEyeballs ?? NoHappyEyeballs,
            KeepAliveConnections = overrides.KeepAliveConnections ?? KeepAliveConnections,
            KeepAliveTimeout = overrides.KeepAliveTimeout ?? KeepAliveTimeout,
            HttpHostHeader = overrides.HttpHostHeader ?? HttpHostHeader,
            OriginServerName = overrides.OriginServerName ?? OriginServerName,
            MatchSniToHost = overrides.MatchSniToHost ?? MatchSniToHost,
            CaPool = overrides.CaPool ?? CaPool,
            NoTlsVerify = overrides.NoTlsVerify ?? NoTlsVerify,
            DisableChunkedEncoding = overrides.DisableChunkedEncoding ?? DisableChunkedEncoding,
            BastionMode = overrides.BastionMode ?? BastionMode,
            ProxyAddress = overrides.ProxyAddress ?? ProxyAddress,
            ProxyPort = overrides.ProxyPort ?? ProxyPort,
            ProxyType = overrides.ProxyType ?? ProxyType,
            IpRules = overrides.IpRules is { Count: > 0 } ? overrides.IpRules : IpRules,
            Http2Origin = overrides.Http2Origin ?? Http2Origin,
            Access = overrides.Access ?? Access,
        };
    }

    /// <summary>
    /// Returns the settings cloudflared uses for a rule: its defaults, overridden by the top-level block,
    /// overridden by the rule's own block.
    /// </summary>
    /// <param name="topLevel">The configuration's top-level <c>originRequest</c>, or <see langword="null"/>.</param>
    /// <param name="rule">The rule's <c>originRequest</c>, or <see langword="null"/>.</param>
    /// <returns>Settings with every field set.</returns>
    public static OriginRequest Effective(OriginRequest? topLevel, OriginRequest? rule) =>
        Defaults.OverriddenBy(topLevel).OverriddenBy(rule);
}
