using Microsoft.Extensions.Logging;

namespace MediaStack.AppHost.Tunnel;

/// <summary>
/// The AppHost's log messages about tunnel routes and modes.
/// </summary>
internal static partial class TunnelRouteLog
{
    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Resource '{ResourceName}' points at '{OriginalHost}', which inside the cloudflared container is the container itself; the route uses '{RewrittenHost}' instead. Bind the service to an address containers can reach (see the README's troubleshooting).")]
    public static partial void LoopbackRewritten(ILogger logger, string resourceName, string originalHost, string rewrittenHost);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "cloudflared is not started: the stack runs in local preview because no tunnel credentials are configured. ingress-configurator still writes '{ConfigPath}' so you can see what would be published.")]
    public static partial void LocalPreview(ILogger logger, string configPath);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The tunnel credentials file '{CredentialsFile}' is not readable by other users; cloudflared runs as user 65532 and may fail to read it. Allow it with 'setfacl -m u:65532:r <file>' or 'chmod o+r <file>'.")]
    public static partial void CredentialsNotReadable(ILogger logger, string credentialsFile);
}
