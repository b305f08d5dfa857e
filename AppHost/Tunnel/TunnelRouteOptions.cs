namespace MediaStack.AppHost.Tunnel;

/// <summary>
/// Describes how one route is published: which endpoint, which path, who may enter and how
/// cloudflared talks to the origin.
/// </summary>
internal sealed class TunnelRouteOptions
{
    /// <summary>Gets or sets the endpoint that serves the route; ignored for external services.</summary>
    public string EndpointName { get; set; } = "http";

    /// <summary>Gets or sets the optional path regular expression (RE2 syntax, unanchored).</summary>
    public string? Path { get; set; }

    /// <summary>
    /// Gets or sets the Access decision; routes are protected by the stack's Access policy unless the
    /// owner marks them <see cref="TunnelRouteAccess.Public"/>.
    /// </summary>
    public TunnelRouteAccess Access { get; set; } = TunnelRouteAccess.Protected;

    /// <summary>
    /// Gets cloudflared <c>originRequest</c> settings keyed by cloudflared's field names, for example
    /// <c>connectTimeout</c> = <c>30s</c>.
    /// </summary>
    public IDictionary<string, string> OriginRequest { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
