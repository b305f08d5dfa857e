namespace MediaStack.IngressConfigurator.Model;

/// <summary>
/// One simple <c>originRequest</c> field: its cloudflared name, value type and accessors on <see cref="OriginRequest"/>.
/// </summary>
internal sealed record OriginRequestField(
    string Name,
    OriginRequestFieldKind Kind,
    Func<OriginRequest, object?> Get,
    Func<OriginRequest, object, OriginRequest> Set)
{
    /// <summary>Gets every simple field in the order cloudflared declares them (<c>ipRules</c> and <c>access</c> are nested).</summary>
    public static IReadOnlyList<OriginRequestField> All { get; } =
    [
        new("connectTimeout", OriginRequestFieldKind.Duration, o => o.ConnectTimeout, (o, v) => o with { ConnectTimeout = (GoDuration)v }),
        new("tlsTimeout", OriginRequestFieldKind.Duration, o => o.TlsTimeout, (o, v) => o with { TlsTimeout = (GoDuration)v }),
        new("tcpKeepAlive", OriginRequestFieldKind.Duration, o => o.TcpKeepAlive, (o, v) => o with { TcpKeepAlive = (GoDuration)v }),
        new("noHappyEyeballs", OriginRequestFieldKind.Boolean, o => o.NoHappyEyeballs, (o, v) => o with { NoHappyEyeballs = (bool)v }),
        new("keepAliveConnections", OriginRequestFieldKind.Integer, o => o.KeepAliveConnections, (o, v) => o with { KeepAliveConnections = (int)(long)v }),
        new("keepAliveTimeout", OriginRequestFieldKind.Duration, o => o.KeepAliveTimeout, (o, v) => o with { KeepAliveTimeout = (GoDuration)v }),
        new("httpHostHeader", OriginRequestFieldKind.Text, o => o.HttpHostHeader, (o, v) => o with { HttpHostHeader = (string)v }),
        new("originServerName", OriginRequestFieldKind.Text, o => o.OriginServerName, (o, v) => o with { OriginServerName = (string)v }),
        new("matchSNItoHost", OriginRequestFieldKind.Boolean, o => o.MatchSniToHost, (o, v) => o with { MatchSniToHost = (bool)v }),
        new("caPool", OriginRequestFieldKind.Text, o => o.CaPool, (o, v) => o with { CaPool = (string)v }),
        new("noTLSVerify", OriginRequestFieldKind.Boolean, o => o.NoTlsVerify, (o, v) => o with { NoTlsVerify = (bool)v }),
        new("disableChunkedEncoding", OriginRequestFieldKind.Boolean, o => o.DisableChunkedEncoding, (o, v) => o with { DisableChunkedEncoding = (bool)v }),
        new("bastionMode", OriginRequestFieldKind.Boolean, o => o.BastionMode, (o, v) => o with { BastionMode = (bool)v }),
        new("proxyAddress", OriginRequestFieldKind.Text, o => o.ProxyAddress, (o, v) => o with { ProxyAddress = (string)v }),
        new("proxyPort", OriginRequestFieldKind.UnsignedInteger, o => o.ProxyPort, (o, v) => o with { ProxyPort = (uint)(ulong)v }),
        new("proxyType", OriginRequestFieldKind.Text, o => o.ProxyType, (o, v) => o with { ProxyType = (string)v }),
        new("http2Origin", OriginRequestFieldKind.Boolean, o => o.Http2Origin, (o, v) => o with { Http2Origin = (bool)v }),
    ];

    /// <summary>Finds a field by its exact cloudflared name.</summary>
    public static OriginRequestField? Find(string name) => All.FirstOrDefault(field => field.Name == name);
}
