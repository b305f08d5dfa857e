namespace MediaStack.IngressConfigurator.Cloudflare;

/// <summary>
/// One write the plan makes (or, for <see cref="PlannedChangeKind.KeepUnpruned"/>, holds back).
/// </summary>
/// <param name="Item">The kind of item.</param>
/// <param name="Change">What happens to it.</param>
/// <param name="Name">The hostname or name of the item.</param>
/// <param name="Detail">A short description of the change.</param>
public sealed record PlannedChange(
    CloudflareItemKind Item,
    PlannedChangeKind Change,
    string Name,
    string Detail);
