namespace MediaStack.IngressConfigurator.Model;

/// <summary>
/// One entry of <c>originRequest.ipRules</c>, used by the <c>socks-proxy</c> service.
/// </summary>
public sealed record IpRule
{
    /// <summary>Gets the address range in CIDR notation, for example <c>10.0.0.0/8</c>.</summary>
    public string? Prefix { get; init; }

    /// <summary>Gets the ports the rule applies to; empty means all ports.</summary>
    public IReadOnlyList<int> Ports { get; init; } = [];

    /// <summary>Gets a value indicating whether matching traffic is allowed (true) or denied (false).</summary>
    public bool Allow { get; init; }
}
