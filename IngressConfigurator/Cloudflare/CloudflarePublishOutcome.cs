namespace MediaStack.IngressConfigurator.Cloudflare;

/// <summary>
/// How a publishing run ended.
/// </summary>
public enum CloudflarePublishOutcome
{
    /// <summary>The plan was computed and not applied, because applying is off.</summary>
    Planned,

    /// <summary>The plan was applied (or had nothing to write).</summary>
    Applied,

    /// <summary>
    /// The plan was applied except for hostnames whose Access or DNS step failed; they stay
    /// unpublished and the next run retries them.
    /// </summary>
    PartiallyApplied,

    /// <summary>The run stopped before writing: bad settings, a bad token or missing permissions.</summary>
    Refused,

    /// <summary>A Cloudflare call failed; the next run converges from where this one stopped.</summary>
    Failed,
}
