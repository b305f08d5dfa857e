namespace MediaStack.IngressConfigurator.Resource;

/// <summary>
/// The Cloudflare Access team and application audience cloudflared checks tokens against.
/// </summary>
public sealed class AccessSettings
{
    /// <summary>Gets or sets the Access team name (the part before <c>.cloudflareaccess.com</c>).</summary>
    public string? TeamName { get; set; }

    /// <summary>Gets or sets the Access application audience (AUD) tag.</summary>
    public string? AudTag { get; set; }
}
