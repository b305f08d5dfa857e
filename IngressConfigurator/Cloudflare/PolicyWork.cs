namespace MediaStack.IngressConfigurator.Cloudflare;

/// <summary>
/// The reusable Access policy protected hostnames reference, and whether it must be written.
/// </summary>
internal sealed class PolicyWork
{
    /// <summary>Gets or sets the policy id; null until a new policy has been created.</summary>
    public string? Id { get; set; }

    /// <summary>Gets the change to make, or null when the policy is used as it is.</summary>
    public PlannedChangeKind? Change { get; init; }

    /// <summary>Gets the e-mail addresses the owned policy allows.</summary>
    public IReadOnlyList<string> Emails { get; init; } = [];

    /// <summary>Gets why no policy can be used; null when one can.</summary>
    public string? Problem { get; init; }
}
