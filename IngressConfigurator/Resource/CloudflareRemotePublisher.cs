using MediaStack.IngressConfigurator.Cloudflare;
using MediaStack.IngressConfigurator.Model;
using MediaStack.IngressConfigurator.Routes;

namespace MediaStack.IngressConfigurator.Resource;

/// <summary>
/// Hands the compiled rules to the Cloudflare publisher, which plans and, when asked, applies them.
/// </summary>
public sealed class CloudflareRemotePublisher : IRemotePublisher
{
    private readonly CloudflareTunnelPublisher _publisher;

    /// <summary>
    /// Initializes the adapter over the Cloudflare publisher.
    /// </summary>
    public CloudflareRemotePublisher(CloudflareTunnelPublisher publisher)
    {
        ArgumentNullException.ThrowIfNull(publisher);
        _publisher = publisher;
    }

    /// <inheritdoc />
    public async Task<bool> PublishAsync(
        IReadOnlyList<TunnelRoute> routes,
        TunnelConfiguration configuration,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(configuration);

        var published = ToPublishedRoutes(routes, configuration);
        var result = await _publisher.RunAsync(published, cancellationToken);
        return result.Succeeded;
    }

    /// <summary>
    /// Maps the compiled rules, in their order and without the catch-all, back to the routes they
    /// came from, so each keeps its resource name and Access decision.
    /// </summary>
    public static IReadOnlyList<PublishedRoute> ToPublishedRoutes(
        IReadOnlyList<TunnelRoute> routes,
        TunnelConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(configuration);

        var byKey = routes.ToDictionary(
            route => (Hostname: route.Hostname.ToLowerInvariant(), Path: route.Path ?? string.Empty),
            route => route);

        var published = new List<PublishedRoute>(configuration.Ingress.Count);
        foreach (var rule in configuration.Ingress.Where(rule => !rule.IsCatchAll))
        {
            var key = (Hostname: rule.Hostname!.ToLowerInvariant(), Path: rule.Path ?? string.Empty);
            if (!byKey.TryGetValue(key, out var route))
            {
                throw new InvalidOperationException(
                    $"Compiled rule for '{rule.Hostname}' does not correspond to any route handed over by the AppHost.");
            }

            published.Add(new PublishedRoute(
                route.ResourceName,
                rule.Hostname!,
                rule.Path,
                rule.Service!,
                route.Access,
                TunnelConfigurationJson.ToJsonObject(rule.OriginRequest)));
        }

        return published;
    }
}
