using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Logging;

namespace MediaStack.AppHost.Tunnel;

/// <summary>
/// Checks the routes declared with <see cref="TunnelRouteBuilderExtensions.WithTunnelRoute{T}"/> and
/// computes each origin URL as cloudflared, inside its container, sees it.
/// </summary>
internal static class TunnelRouteResolver
{
    private static readonly string[] _loopbackHosts = ["localhost", "127.0.0.1", "::1", "[::1]"];

    /// <summary>
    /// Lists every resource and route in declaration order.
    /// </summary>
    public static IEnumerable<(IResource Resource, TunnelRouteAnnotation Route)> Routes(IEnumerable<IResource> resources)
    {
        ArgumentNullException.ThrowIfNull(resources);

        return resources.SelectMany(resource =>
            resource.Annotations.OfType<TunnelRouteAnnotation>().Select(route => (resource, route)));
    }

    /// <summary>
    /// Checks everything about the routes that is known before start and returns one sentence per problem.
    /// </summary>
    public static IReadOnlyList<string> Validate(IEnumerable<IResource> resources)
    {
        var problems = new List<string>();
        foreach (var (resource, route) in Routes(resources))
        {
            if (route.Access is not (TunnelRouteAccess.Protected or TunnelRouteAccess.Public))
            {
                problems.Add(
                    $"Resource '{resource.Name}' publishes '{route.Hostname}' without an Access decision; "
                    + "set Access to Protected or Public in WithTunnelRoute.");
            }

            var endpointProblem = resource switch
            {
                ExternalServiceResource external => CheckExternalService(external),
                IResourceWithEndpoints withEndpoints => CheckEndpoint(withEndpoints, route),
                _ => $"Resource '{resource.Name}' cannot be published on '{route.Hostname}': it has no endpoints.",
            };

            if (endpointProblem is not null)
            {
                problems.Add(endpointProblem);
            }
        }

        return problems;
    }

    /// <summary>
    /// Computes the origin URL of a route as cloudflared sees it: a string, a
    /// <see cref="ReferenceExpression"/> resolved when ports are allocated, or, when publishing, the
    /// URL parameter of an external service.
    /// </summary>
    /// <exception cref="TunnelSettingsException">The route's endpoint or URL cannot be used.</exception>
    public static async Task<object> ResolveServiceAsync(
        IResource resource,
        TunnelRouteAnnotation route,
        DistributedApplicationExecutionContext executionContext,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(executionContext);
        ArgumentNullException.ThrowIfNull(logger);

        var problem = resource switch
        {
            ExternalServiceResource external => CheckExternalService(external),
            IResourceWithEndpoints withEndpoints => CheckEndpoint(withEndpoints, route),
            _ => $"Resource '{resource.Name}' cannot be published on '{route.Hostname}': it has no endpoints.",
        };

        if (problem is not null)
        {
            throw new TunnelSettingsException(problem);
        }

        if (resource is ExternalServiceResource externalService)
        {
            if (externalService.Uri is { } staticUri)
            {
                return OriginFromUrl(externalService.Name, staticUri.ToString(), logger);
            }

            var parameter = externalService.UrlParameter!;
            if (executionContext.IsPublishMode)
            {
                // The value is only known where the manifest is deployed, so no loopback rewrite here.
                return parameter;
            }

            var value = await parameter.GetValueAsync(cancellationToken).ConfigureAwait(false);
            return OriginFromUrl(externalService.Name, value, logger, parameter.Name);
        }

        var endpointResource = (IResourceWithEndpoints)resource;
        var endpoint = FindEndpoint(endpointResource, route.EndpointName)!;

        if (resource.IsContainer())
        {
            return $"{endpoint.UriScheme}://{ContainerNetworkAddress.HostName(resource)}:{endpoint.TargetPort}";
        }

        if (endpoint.Port is { } fixedPort)
        {
            return $"{endpoint.UriScheme}://{ContainerNetworkAddress.DockerHost}:{fixedPort}";
        }

        // The host port of a project is allocated at start; the expression resolves it then. Aspire's
        // proxy listens on loopback, which Docker Desktop forwards host.docker.internal to but a Linux
        // engine's host-gateway does not, so host routes there need the service bound more widely.
        var reference = endpointResource.GetEndpoint(endpoint.Name);
        return ReferenceExpression.Create(
            $"{endpoint.UriScheme}://{ContainerNetworkAddress.DockerHost}:{reference.Property(EndpointProperty.Port)}");
    }

    private static string? CheckExternalService(ExternalServiceResource resource)
    {
        if (resource.Uri is { } uri && uri.Scheme is not ("http" or "https"))
        {
            return $"Resource '{resource.Name}' has the URL '{uri}', which is not HTTP; a tunnel route needs an http or https URL.";
        }

        return null;
    }

    private static string? CheckEndpoint(IResourceWithEndpoints resource, TunnelRouteAnnotation route)
    {
        var endpoint = FindEndpoint(resource, route.EndpointName);
        if (endpoint is null)
        {
            return $"Resource '{resource.Name}' has no endpoint '{route.EndpointName}' for the route '{route.Hostname}'; "
                + "add it with WithHttpEndpoint or name an existing endpoint in WithTunnelRoute.";
        }

        if (endpoint.UriScheme is not ("http" or "https"))
        {
            return $"Endpoint '{endpoint.Name}' of resource '{resource.Name}' uses '{endpoint.UriScheme}'; "
                + $"the route '{route.Hostname}' needs an http or https endpoint.";
        }

        if (resource.IsContainer() && endpoint.TargetPort is null)
        {
            return $"Endpoint '{endpoint.Name}' of resource '{resource.Name}' has no target port; "
                + "set targetPort in WithHttpEndpoint so cloudflared can reach the container.";
        }

        return null;
    }

    private static EndpointAnnotation? FindEndpoint(IResourceWithEndpoints resource, string endpointName) =>
        resource.Annotations.OfType<EndpointAnnotation>()
            .FirstOrDefault(endpoint => string.Equals(endpoint.Name, endpointName, StringComparison.OrdinalIgnoreCase));

    private static string OriginFromUrl(string resourceName, string? url, ILogger logger, string? parameterName = null)
    {
        // Owners set a parameter under its configuration key, so the message names that key.
        var setting = parameterName is null ? null : $"'Parameters:{parameterName}'";
        var source = setting is null ? $"of resource '{resourceName}'" : $"in {setting} of resource '{resourceName}'";
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new TunnelSettingsException(
                $"The URL {source} is '{url}', which is not an absolute http or https URL; set it to, for example, 'http://localhost:8096'.");
        }

        if (uri.AbsolutePath != "/" || !string.IsNullOrEmpty(uri.Query))
        {
            var part = uri.AbsolutePath != "/" ? "a path" : "a query";
            throw new TunnelSettingsException(
                $"The URL {source} is '{url}', which has {part}; cloudflared origins are scheme, host and port only. "
                + $"Set {setting ?? "it"} to the server's address without a path, such as '{uri.Scheme}://{uri.Authority}'; "
                + $"the base URL setting of '{resourceName}' must then be empty.");
        }

        var host = uri.Host;
        if (_loopbackHosts.Contains(host, StringComparer.OrdinalIgnoreCase))
        {
            TunnelRouteLog.LoopbackRewritten(logger, resourceName, host, ContainerNetworkAddress.DockerHost);
            host = ContainerNetworkAddress.DockerHost;
        }

        return $"{uri.Scheme}://{host}:{uri.Port}";
    }
}
