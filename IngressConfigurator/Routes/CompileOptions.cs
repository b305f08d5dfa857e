namespace MediaStack.IngressConfigurator.Routes;

/// <summary>
/// Settings for turning routes into a tunnel configuration.
/// </summary>
public sealed record CompileOptions
{
    /// <summary>Gets the owner's domain; when set, every hostname must be the domain or under it.</summary>
    public string? Domain { get; init; }

    /// <summary>Gets the tunnel UUID written as <c>tunnel</c> (locally-managed tunnels), or <see langword="null"/>.</summary>
    public string? TunnelId { get; init; }

    /// <summary>Gets the credentials file path inside the cloudflared container, or <see langword="null"/>.</summary>
    public string? CredentialsFile { get; init; }

    /// <summary>Gets the Cloudflare Access team name; with <see cref="AccessAudTag"/> it turns on cloudflared's token check.</summary>
    public string? AccessTeamName { get; init; }

    /// <summary>Gets the Access application audience tag; with <see cref="AccessTeamName"/> it turns on cloudflared's token check.</summary>
    public string? AccessAudTag { get; init; }

    /// <summary>Gets a value indicating whether cloudflared runs in a container (enables the loopback-service warning).</summary>
    public bool ContainerizedConnector { get; init; } = true;
}
