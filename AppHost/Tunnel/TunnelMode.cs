namespace MediaStack.AppHost.Tunnel;

/// <summary>
/// How the stack publishes its routes through Cloudflare.
/// </summary>
internal enum TunnelMode
{
    /// <summary>No tunnel credentials: the configuration is compiled and written, cloudflared is not started.</summary>
    LocalPreview,

    /// <summary>A tunnel id and credentials file: cloudflared runs from the generated <c>config.yml</c>.</summary>
    LocallyManaged,

    /// <summary>A tunnel token: cloudflared takes its ingress from Cloudflare, which the configurator updates.</summary>
    RemotelyManaged,
}
