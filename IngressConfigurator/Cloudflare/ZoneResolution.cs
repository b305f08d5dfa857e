namespace MediaStack.IngressConfigurator.Cloudflare;

/// <summary>
/// The zones found for the model's hostnames while probing, and why some have none.
/// </summary>
internal sealed class ZoneResolution
{
    public CloudflareZone? ConfiguredZone { get; set; }

    public Dictionary<string, CloudflareZone> ZoneByHostname { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, string> ProblemByHostname { get; } = new(StringComparer.OrdinalIgnoreCase);
}
