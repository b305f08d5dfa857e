using MediaStack.IngressConfigurator.Routes;

namespace MediaStack.IngressConfigurator.Resource;

/// <summary>
/// Turns the <c>Tunnel</c> settings the AppHost handed over into a mode and a route set, reporting
/// every missing or malformed value by its configuration key.
/// </summary>
public static class HandoverReader
{
    /// <summary>
    /// Reads the tunnel mode; a missing mode means local preview.
    /// </summary>
    public static TunnelMode? ReadMode(TunnelSettings settings, ICollection<ConfigurationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(problems);

        if (string.IsNullOrWhiteSpace(settings.Mode))
        {
            return TunnelMode.LocalPreview;
        }

        if (Enum.TryParse<TunnelMode>(settings.Mode, ignoreCase: true, out var mode)
            && Enum.IsDefined(mode)
            && !int.TryParse(settings.Mode, out _))
        {
            return mode;
        }

        problems.Add(new ConfigurationProblem(
            null,
            "Tunnel:Mode",
            $"Tunnel mode '{settings.Mode}' is not known; use LocalPreview, LocallyManaged or RemotelyManaged."));
        return null;
    }

    /// <summary>
    /// Reads the routes in their declared order; a route with a missing field is reported and left out.
    /// </summary>
    public static IReadOnlyList<TunnelRoute> ReadRoutes(TunnelSettings settings, ICollection<ConfigurationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(problems);

        var routes = new List<TunnelRoute>(settings.Routes.Count);
        for (var index = 0; index < settings.Routes.Count; index++)
        {
            var route = settings.Routes[index];
            var key = $"Tunnel:Routes:{index}";
            var resource = string.IsNullOrWhiteSpace(route.ResourceName) ? null : route.ResourceName;
            var subject = resource is null ? $"Route {index}" : $"Resource '{resource}'";
            var complete = true;

            if (resource is null)
            {
                problems.Add(new ConfigurationProblem(
                    null,
                    $"{key}:ResourceName",
                    $"Route {index} does not name its resource; declare routes with WithTunnelRoute on the resource."));
                complete = false;
            }

            if (string.IsNullOrWhiteSpace(route.Hostname))
            {
                problems.Add(new ConfigurationProblem(
                    resource,
                    $"{key}:Hostname",
                    $"{subject} has a tunnel route without a hostname; give WithTunnelRoute the hostname to publish."));
                complete = false;
            }

            if (string.IsNullOrWhiteSpace(route.Service))
            {
                problems.Add(new ConfigurationProblem(
                    resource,
                    $"{key}:Service",
                    $"{subject} has a tunnel route without a service URL; the AppHost must resolve the resource's HTTP endpoint."));
                complete = false;
            }

            var access = ReadAccess(route.Access);
            if (access is null)
            {
                problems.Add(new ConfigurationProblem(
                    resource,
                    $"{key}:Access",
                    $"{subject} has Access decision '{route.Access}', which is not known; use Protected or Public."));
                complete = false;
            }

            if (complete)
            {
                routes.Add(new TunnelRoute
                {
                    ResourceName = resource!,
                    Hostname = route.Hostname!.Trim(),
                    Path = string.IsNullOrEmpty(route.Path) ? null : route.Path,
                    Service = route.Service!.Trim(),
                    Access = access!.Value,
                    OriginRequest = new Dictionary<string, string>(route.OriginRequest, StringComparer.Ordinal),
                });
            }
        }

        return routes;
    }

    // A missing decision stays Unspecified so the compiler rejects it with the resource named;
    // only a value that is present but unknown is a hand-over problem.
    private static RouteAccess? ReadAccess(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return RouteAccess.Unspecified;
        }

        return text.Trim().ToUpperInvariant() switch
        {
            "PROTECTED" => RouteAccess.Protected,
            "PUBLIC" => RouteAccess.Public,
            "UNSPECIFIED" => RouteAccess.Unspecified,
            _ => null,
        };
    }
}
