using YamlDotNet.RepresentationModel;

namespace MediaStack.IngressConfigurator.Model;

/// <summary>
/// A cloudflared tunnel configuration (<c>config.yml</c>): identity, origin defaults and ordered ingress rules.
/// </summary>
public sealed record TunnelConfiguration
{
    /// <summary>Gets the tunnel UUID or name (<c>tunnel</c>).</summary>
    public string? Tunnel { get; init; }

    /// <summary>Gets the path of the tunnel credentials file as cloudflared sees it (<c>credentials-file</c>).</summary>
    public string? CredentialsFile { get; init; }

    /// <summary>Gets the top-level origin settings that every rule inherits (<c>originRequest</c>).</summary>
    public OriginRequest? OriginRequest { get; init; }

    /// <summary>Gets the <c>warp-routing</c> block, if present.</summary>
    public WarpRouting? WarpRouting { get; init; }

    /// <summary>Gets the ordered ingress rules; the first rule that matches a request wins.</summary>
    public IReadOnlyList<IngressRule> Ingress { get; init; } = [];

    /// <summary>
    /// Gets the other top-level keys (for example <c>metrics</c>, <c>loglevel</c>, <c>protocol</c>),
    /// in the order they were read, so they are written back unchanged.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, YamlNode>> AdditionalSettings { get; init; } = [];
}
