namespace MediaStack.IngressConfigurator.Cloudflare;

/// <summary>
/// What a run would change in tunnel rules, DNS and Access, and what it leaves alone.
/// </summary>
public sealed class CloudflarePlan
{
    /// <summary>Initializes a new instance of the <see cref="CloudflarePlan"/> class.</summary>
    /// <param name="changes">The planned writes.</param>
    /// <param name="conflicts">Hostnames served by items MediaStack does not own.</param>
    /// <param name="withheld">Hostnames of the model that are not published.</param>
    public CloudflarePlan(
        IReadOnlyList<PlannedChange> changes,
        IReadOnlyList<PlanConflict> conflicts,
        IReadOnlyList<WithheldHostname> withheld)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(conflicts);
        ArgumentNullException.ThrowIfNull(withheld);
        Changes = changes;
        Conflicts = conflicts;
        Withheld = withheld;
    }

    /// <summary>Gets the planned changes, in the order they are applied.</summary>
    public IReadOnlyList<PlannedChange> Changes { get; }

    /// <summary>Gets the conflicts with items MediaStack does not own.</summary>
    public IReadOnlyList<PlanConflict> Conflicts { get; }

    /// <summary>Gets the hostnames that are not published, with the reason.</summary>
    public IReadOnlyList<WithheldHostname> Withheld { get; }

    /// <summary>Gets a value indicating whether applying the plan makes any write call.</summary>
    public bool HasWrites => Changes.Any(change => change.Change != PlannedChangeKind.KeepUnpruned);

    /// <summary>Renders the plan as text, one line per change, conflict and unpublished hostname.</summary>
    /// <returns>The plan as lines of text, or a line saying there is nothing to change.</returns>
    public override string ToString()
    {
        var lines = Changes.Select(change => $"{change.Change} {change.Item} '{change.Name}': {change.Detail}")
            .Concat(Conflicts.Select(conflict => $"Conflict {conflict.Item} '{conflict.Hostname}': {conflict.Reason}"))
            .Concat(Withheld.Select(withheld => $"Not published '{withheld.Hostname}': {withheld.Reason}"))
            .ToList();
        return lines.Count == 0 ? "No changes." : string.Join(Environment.NewLine, lines);
    }
}
