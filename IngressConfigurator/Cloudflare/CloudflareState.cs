using System.Text.Json.Nodes;

namespace MediaStack.IngressConfigurator.Cloudflare;

/// <summary>
/// What the Cloudflare account holds right now, as far as publishing needs to know.
/// </summary>
internal sealed class CloudflareState
{
    /// <summary>Gets the tunnel's remote <c>config</c> object (empty when the tunnel has none).</summary>
    public JsonObject TunnelConfig { get; init; } = [];

    /// <summary>Gets the zone of each model hostname that resolved.</summary>
    public Dictionary<string, CloudflareZone> ZoneByHostname { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets why a model hostname has no zone.</summary>
    public Dictionary<string, string> ZoneProblemByHostname { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the DNS records of every zone read, with the zone they came from.</summary>
    public List<(CloudflareZone Zone, JsonObject Record)> DnsRecords { get; } = [];

    /// <summary>Gets the Access applications of the account.</summary>
    public List<JsonObject> AccessApplications { get; } = [];

    /// <summary>Gets the reusable Access policies of the account.</summary>
    public List<JsonObject> AccessPolicies { get; } = [];

    /// <summary>Gets the names of the account's Access tags.</summary>
    public HashSet<string> AccessTags { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets the Access team name, or null when the account has no Access organization.</summary>
    public string? TeamName { get; init; }
}
