using System.Text.Json.Nodes;

namespace MediaStack.IngressConfigurator.Cloudflare;

/// <summary>
/// Everything the plan does for one hostname of the model.
/// </summary>
internal sealed class HostnameWork
{
    public required string Hostname { get; init; }

    public required IReadOnlyList<PublishedRoute> Routes { get; init; }

    public required bool IsProtected { get; init; }

    public CloudflareZone? Zone { get; set; }

    /// <summary>Gets or sets why the hostname is not published; null while it is publishable.</summary>
    public string? WithheldReason { get; set; }

    public JsonObject? OwnedApplication { get; set; }

    public PlannedChangeKind? ApplicationChange { get; set; }

    /// <summary>Gets or sets the audience tag; null until a new application has been created.</summary>
    public string? Audience { get; set; }

    public JsonObject? OwnedRecord { get; set; }

    public PlannedChangeKind? RecordChange { get; set; }
}
