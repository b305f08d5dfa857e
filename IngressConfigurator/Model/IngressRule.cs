namespace MediaStack.IngressConfigurator.Model;

/// <summary>
/// One entry of the ordered <c>ingress</c> list: which requests it matches and where they go.
/// </summary>
public sealed record IngressRule
{
    /// <summary>Gets the hostname pattern; empty or <c>*</c> matches every hostname.</summary>
    public string? Hostname { get; init; }

    /// <summary>Gets the optional path regular expression (RE2, unanchored, matched against the path only).</summary>
    public string? Path { get; init; }

    /// <summary>Gets the origin service, for example <c>http://immich-server:2283</c> or <c>http_status:404</c>.</summary>
    public string? Service { get; init; }

    /// <summary>Gets the rule's own origin settings, which override the top-level ones field by field.</summary>
    public OriginRequest? OriginRequest { get; init; }

    /// <summary>Gets a value indicating whether the rule matches every request (no hostname or <c>*</c>, and no path).</summary>
    public bool IsCatchAll => (string.IsNullOrEmpty(Hostname) || Hostname == "*") && string.IsNullOrEmpty(Path);
}
