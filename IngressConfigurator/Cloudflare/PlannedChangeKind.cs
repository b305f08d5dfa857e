namespace MediaStack.IngressConfigurator.Cloudflare;

/// <summary>
/// What a plan does to one Cloudflare item.
/// </summary>
public enum PlannedChangeKind
{
    /// <summary>The item is created.</summary>
    Create,

    /// <summary>The item exists and is changed to match the model.</summary>
    Update,

    /// <summary>The owned item left the model and is deleted because pruning is on.</summary>
    Delete,

    /// <summary>The owned item left the model and is kept because pruning is off.</summary>
    KeepUnpruned,
}
