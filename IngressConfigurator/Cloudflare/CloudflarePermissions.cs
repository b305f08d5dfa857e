namespace MediaStack.IngressConfigurator.Cloudflare;

/// <summary>
/// The names of the API token permissions publishing needs, as Cloudflare's dashboard spells them.
/// </summary>
public static class CloudflarePermissions
{
    /// <summary>Reads and writes the tunnel's remote configuration.</summary>
    public const string TunnelEdit = "Account: Cloudflare Tunnel Edit";

    /// <summary>Finds the zone of each hostname.</summary>
    public const string ZoneRead = "Zone: Zone Read";

    /// <summary>Reads and writes DNS records.</summary>
    public const string DnsEdit = "Zone: DNS Edit";

    /// <summary>Reads and writes Access applications, reusable policies and tags.</summary>
    public const string AccessAppsAndPoliciesEdit = "Access: Apps and Policies Edit";

    /// <summary>Reads the Access organization to learn the team name.</summary>
    public const string AccessOrganizationsRead = "Access: Organizations, Identity Providers, and Groups Read";
}
