namespace MediaStack.IngressConfigurator.Resource;

/// <summary>
/// How the stack's Cloudflare Tunnel is run, which decides what the configurator produces.
/// </summary>
public enum TunnelMode
{
    /// <summary>No credentials: the configuration is compiled and written for the owner to read; no tunnel runs.</summary>
    LocalPreview,

    /// <summary>A tunnel id and credentials file: <c>config.yml</c> carries the tunnel and the ingress.</summary>
    LocallyManaged,

    /// <summary>A tunnel token: the ingress is put through Cloudflare's API, not a local file.</summary>
    RemotelyManaged,
}
