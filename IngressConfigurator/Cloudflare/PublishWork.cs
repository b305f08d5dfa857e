using System.Text.Json.Nodes;

namespace MediaStack.IngressConfigurator.Cloudflare;

/// <summary>
/// The plan in the form the apply step executes: per-hostname work, the tunnel rules to keep
/// and the owned items to delete.
/// </summary>
internal sealed class PublishWork
{
    public required CloudflarePlan Plan { get; init; }

    public required IReadOnlyList<HostnameWork> Hostnames { get; init; }

    public required PolicyWork? Policy { get; init; }

    public required bool CreateTag { get; init; }

    /// <summary>Gets a value indicating whether the owned Access policy is created or updated.</summary>
    public required bool WritePolicy { get; init; }

    public required string? TeamName { get; init; }

    /// <summary>Gets the rules of hostnames MediaStack does not own, verbatim and in order.</summary>
    public required IReadOnlyList<JsonObject> ForeignRules { get; init; }

    /// <summary>Gets owned rules whose route left the model, kept because pruning is off.</summary>
    public required IReadOnlyList<JsonObject> UnprunedRules { get; init; }

    public required JsonObject CatchAll { get; init; }

    public required JsonObject CurrentConfig { get; init; }

    public required IReadOnlyList<(CloudflareZone Zone, JsonObject Record)> RecordsToDelete { get; init; }

    public required IReadOnlyList<JsonObject> ApplicationsToDelete { get; init; }
}
