using System.Globalization;
using MediaStack.IngressConfigurator.Routes;

namespace MediaStack.IngressConfigurator.Benchmarks;

/// <summary>Builds realistic route sets: exact hostnames, some with paths, and some wildcards.</summary>
internal static class BenchmarkRoutes
{
    public static TunnelRoute[] Create(int count)
    {
        var routes = new TunnelRoute[count];
        for (var i = 0; i < count; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            routes[i] = (i % 10) switch
            {
                0 => Route(n, "*.zone" + n + ".example.com", null),
                1 or 2 => Route(n, "app" + (i / 3).ToString(CultureInfo.InvariantCulture) + ".example.com", "^/api/v" + n),
                _ => Route(n, "app" + n + ".example.com", null),
            };
        }

        return routes;
    }

    private static TunnelRoute Route(string n, string hostname, string? path) => new()
    {
        ResourceName = "resource-" + n,
        Hostname = hostname,
        Path = path,
        Service = "http://service-" + n + ":8080",
        Access = RouteAccess.Protected,
    };
}
