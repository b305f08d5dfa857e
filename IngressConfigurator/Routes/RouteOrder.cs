namespace MediaStack.IngressConfigurator.Routes;

/// <summary>
/// Orders compiled routes so each is reachable: exact hostnames before wildcards, deeper wildcards before
/// broader ones, and on one hostname longer paths before shorter ones and any path before none.
/// Remaining ties are broken by ordinal text so the order never depends on input order.
/// </summary>
internal sealed class RouteOrder : IComparer<CompiledRoute>
{
    public static RouteOrder Instance { get; } = new();

    public int Compare(CompiledRoute? x, CompiledRoute? y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var wildcard = x.IsWildcard.CompareTo(y.IsWildcard);
        if (wildcard != 0)
        {
            return wildcard;
        }

        if (x.IsWildcard)
        {
            var depth = y.LabelCount.CompareTo(x.LabelCount);
            if (depth != 0)
            {
                return depth;
            }
        }

        var host = string.CompareOrdinal(x.Hostname, y.Hostname);
        if (host != 0)
        {
            return host;
        }

        var length = (y.Path?.Length ?? -1).CompareTo(x.Path?.Length ?? -1);
        return length != 0 ? length : string.CompareOrdinal(x.Path, y.Path);
    }
}
