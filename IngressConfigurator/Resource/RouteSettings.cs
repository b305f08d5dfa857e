namespace MediaStack.IngressConfigurator.Resource;

/// <summary>
/// One <c>Tunnel:Routes:N</c> entry as it arrives through configuration.
/// </summary>
public sealed class RouteSettings
{
    /// <summary>Gets or sets the resource that serves the route.</summary>
    public string? ResourceName { get; set; }

    /// <summary>Gets or sets the public hostname.</summary>
    public string? Hostname { get; set; }

    /// <summary>Gets or sets the optional path regular expression.</summary>
    public string? Path { get; set; }

    /// <summary>Gets or sets the origin URL as cloudflared sees it.</summary>
    public string? Service { get; set; }

    /// <summary>Gets or sets the Access decision: <c>Protected</c> or <c>Public</c>.</summary>
    public string? Access { get; set; }

    /// <summary>Gets the per-route <c>originRequest</c> fields, as text.</summary>
    public IDictionary<string, string> OriginRequest { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
