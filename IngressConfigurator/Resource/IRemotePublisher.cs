using MediaStack.IngressConfigurator.Model;
using MediaStack.IngressConfigurator.Routes;

namespace MediaStack.IngressConfigurator.Resource;

/// <summary>
/// Puts a compiled, validated configuration through Cloudflare's API (remotely-managed mode).
/// </summary>
public interface IRemotePublisher
{
    /// <summary>
    /// Plans, and applies when the owner asked for it; returns whether the run succeeded.
    /// </summary>
    Task<bool> PublishAsync(
        IReadOnlyList<TunnelRoute> routes,
        TunnelConfiguration configuration,
        CancellationToken cancellationToken);
}
