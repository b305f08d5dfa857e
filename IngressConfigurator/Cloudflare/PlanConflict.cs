namespace MediaStack.IngressConfigurator.Cloudflare;

/// <summary>
/// A hostname the model wants but an item MediaStack does not own already serves; it is left alone.
/// </summary>
/// <param name="Item">The kind of foreign item.</param>
/// <param name="Hostname">The hostname in conflict.</param>
/// <param name="Reason">A sentence naming the foreign item and the fix.</param>
public sealed record PlanConflict(CloudflareItemKind Item, string Hostname, string Reason);
