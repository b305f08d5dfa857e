namespace MediaStack.IngressConfigurator.Model;

/// <summary>
/// The <c>originRequest.access</c> block: asks cloudflared to check the Cloudflare Access token itself.
/// </summary>
public sealed record OriginAccess
{
    /// <summary>Gets a value indicating whether requests without a valid Access token are refused (default false).</summary>
    public bool Required { get; init; }

    /// <summary>Gets the Access team name whose signing keys are fetched (default empty).</summary>
    public string? TeamName { get; init; }

    /// <summary>Gets the application audience tags the token must carry (default none).</summary>
    public IReadOnlyList<string> AudTag { get; init; } = [];

    /// <summary>Gets the optional Access environment, for example <c>fed</c> (default empty).</summary>
    public string? Environment { get; init; }
}
