namespace MediaStack.IngressConfigurator.Model;

/// <summary>
/// The top-level <c>warp-routing</c> block of a tunnel configuration.
/// </summary>
public sealed record WarpRouting
{
    /// <summary>Gets the timeout for establishing connections to private network origins (cloudflared default 5s).</summary>
    public GoDuration? ConnectTimeout { get; init; }

    /// <summary>Gets the maximum number of concurrent private network flows (cloudflared default 0, unlimited).</summary>
    public ulong? MaxActiveFlows { get; init; }

    /// <summary>Gets the TCP keep-alive interval for private network connections (cloudflared default 30s).</summary>
    public GoDuration? TcpKeepAlive { get; init; }

    /// <summary>Gets other keys of the block, kept as read so they are written back unchanged.</summary>
    public IReadOnlyList<KeyValuePair<string, YamlDotNet.RepresentationModel.YamlNode>> AdditionalSettings { get; init; } = [];
}
