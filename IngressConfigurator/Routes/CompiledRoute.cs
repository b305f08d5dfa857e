using MediaStack.IngressConfigurator.Model;

namespace MediaStack.IngressConfigurator.Routes;

/// <summary>
/// A route after its hostname, path and origin settings have been checked, ready to become an ingress rule.
/// </summary>
internal sealed record CompiledRoute(string ResourceName, string Hostname, string? Path, string Service, OriginRequest? OriginRequest)
{
    public bool IsWildcard { get; } = Hostname.StartsWith("*.", StringComparison.Ordinal);

    public int LabelCount { get; } = Hostname.Count(c => c == '.') + 1;

    public IngressRule ToRule() => new() { Hostname = Hostname, Path = Path, Service = Service, OriginRequest = OriginRequest };
}
