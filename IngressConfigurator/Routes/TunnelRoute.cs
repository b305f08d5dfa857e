namespace MediaStack.IngressConfigurator.Routes;

/// <summary>
/// One resource endpoint the AppHost publishes through the tunnel, as handed to the configurator.
/// </summary>
public sealed record TunnelRoute
{
    /// <summary>Gets the name of the Aspire resource that serves the route.</summary>
    public required string ResourceName { get; init; }

    /// <summary>Gets the public hostname, for example <c>immich.example.com</c>.</summary>
    public required string Hostname { get; init; }

    /// <summary>Gets the optional path regular expression (RE2 syntax, unanchored).</summary>
    public string? Path { get; init; }

    /// <summary>Gets the origin URL as cloudflared sees it, for example <c>http://immich-server:2283</c>.</summary>
    public required string Service { get; init; }

    /// <summary>Gets the Access decision for the route.</summary>
    public RouteAccess Access { get; init; }

    /// <summary>
    /// Gets per-route origin settings keyed by cloudflared's own <c>originRequest</c> field names
    /// (for example <c>connectTimeout</c> = <c>30s</c>), as text; the compiler parses and checks them.
    /// </summary>
    public IReadOnlyDictionary<string, string> OriginRequest { get; init; } =
        new Dictionary<string, string>(StringComparer.Ordinal);
}
