namespace MediaStack.IngressConfigurator.Resource;

/// <summary>
/// The <c>Tunnel</c> configuration section the AppHost hands to the configurator.
/// </summary>
public sealed class TunnelSettings
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Tunnel";

    /// <summary>Gets or sets the tunnel mode, as text so that a wrong value can be reported by name.</summary>
    public string? Mode { get; set; }

    /// <summary>Gets or sets the owner's domain; every hostname must be this domain or under it.</summary>
    public string? Domain { get; set; }

    /// <summary>Gets or sets the folder <c>config.yml</c> is written into.</summary>
    public string? OutputDirectory { get; set; }

    /// <summary>Gets or sets the tunnel id (locally-managed mode).</summary>
    public string? TunnelId { get; set; }

    /// <summary>Gets or sets the credentials file path as cloudflared sees it (locally-managed mode).</summary>
    public string? CredentialsFile { get; set; }

    /// <summary>Gets or sets the Cloudflare Access team name and audience tag.</summary>
    public AccessSettings Access { get; set; } = new();

    /// <summary>Gets the routes, in the order the AppHost declared them.</summary>
    public IList<RouteSettings> Routes { get; } = [];
}
