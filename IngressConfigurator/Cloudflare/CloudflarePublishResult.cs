namespace MediaStack.IngressConfigurator.Cloudflare;

/// <summary>
/// The plan of a publishing run and how it ended.
/// </summary>
public sealed class CloudflarePublishResult
{
    /// <summary>Initializes a new instance of the <see cref="CloudflarePublishResult"/> class.</summary>
    /// <param name="outcome">How the run ended.</param>
    /// <param name="plan">The computed plan, or null when the run stopped before planning.</param>
    /// <param name="problems">Sentences describing what went wrong.</param>
    /// <param name="missingPermissions">Names of token permissions found missing.</param>
    public CloudflarePublishResult(
        CloudflarePublishOutcome outcome,
        CloudflarePlan? plan,
        IReadOnlyList<string> problems,
        IReadOnlyList<string> missingPermissions)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(missingPermissions);
        Outcome = outcome;
        Plan = plan;
        Problems = problems;
        MissingPermissions = missingPermissions;
    }

    /// <summary>Gets how the run ended.</summary>
    public CloudflarePublishOutcome Outcome { get; }

    /// <summary>Gets the computed plan, or null when the run stopped before planning.</summary>
    public CloudflarePlan? Plan { get; }

    /// <summary>Gets sentences describing what went wrong; empty on success.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>Gets the names of token permissions that are missing.</summary>
    public IReadOnlyList<string> MissingPermissions { get; }

    /// <summary>Gets the number of write calls the run sent to Cloudflare.</summary>
    public int WriteCalls { get; init; }

    /// <summary>Gets a value indicating whether the run did what it was asked without problems.</summary>
    public bool Succeeded => Outcome is CloudflarePublishOutcome.Planned or CloudflarePublishOutcome.Applied;
}
