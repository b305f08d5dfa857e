using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace MediaStack.AppHost.Tunnel;

/// <summary>
/// Publishes resources through the stack's Cloudflare Tunnel.
/// </summary>
internal static class TunnelRouteBuilderExtensions
{
    /// <summary>
    /// Publishes the resource's HTTP endpoint on <paramref name="hostname"/> through the tunnel,
    /// protected by the stack's Access policy unless <paramref name="configure"/> marks it public.
    /// </summary>
    /// <remarks>
    /// Works on containers, projects and external services. The origin URL is derived at start from
    /// the endpoint as cloudflared sees it; a missing or non-HTTP endpoint, or a route whose Access
    /// decision is <see cref="TunnelRouteAccess.Unspecified"/>, stops the AppHost with a message
    /// naming the resource.
    /// </remarks>
    /// <typeparam name="T">The resource type.</typeparam>
    /// <param name="builder">The resource builder.</param>
    /// <param name="hostname">The public hostname, for example <c>immich.example.com</c>.</param>
    /// <param name="configure">Sets the endpoint, path, Access decision and origin options.</param>
    /// <returns>The same resource builder.</returns>
    public static IResourceBuilder<T> WithTunnelRoute<T>(
        this IResourceBuilder<T> builder,
        string hostname,
        Action<TunnelRouteOptions>? configure = null)
        where T : IResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(hostname);

        var options = new TunnelRouteOptions();
        configure?.Invoke(options);

        return builder.WithAnnotation(new TunnelRouteAnnotation(
            hostname.Trim(),
            options.EndpointName,
            string.IsNullOrWhiteSpace(options.Path) ? null : options.Path,
            options.Access,
            new Dictionary<string, string>(options.OriginRequest, StringComparer.Ordinal)));
    }
}
