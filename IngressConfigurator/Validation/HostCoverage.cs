namespace MediaStack.IngressConfigurator.Validation;

/// <summary>
/// The hostnames that earlier rules with one path (or no path) already match, with the first rule for each.
/// </summary>
internal sealed class HostCoverage
{
    private readonly Dictionary<string, int> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _suffixes = new(StringComparer.Ordinal);
    private int _everyHost;

    public void AddEveryHost(int rule)
    {
        if (_everyHost == 0)
        {
            _everyHost = rule;
        }
    }

    public void AddExact(string host, int rule) => _exact.TryAdd(host, rule);

    public void AddSuffix(string suffix, int rule) => _suffixes.TryAdd(suffix, rule);

    /// <summary>Returns the rule that matches this exact request hostname, or 0.</summary>
    public int CoverExact(string host)
    {
        if (_everyHost != 0)
        {
            return _everyHost;
        }

        if (_exact.TryGetValue(host, out var rule))
        {
            return rule;
        }

        return CoverBySuffix(host, 0);
    }

    /// <summary>Returns a rule whose wildcard matches every host ending with <paramref name="suffix"/>, or 0.</summary>
    public int CoverSuffix(string suffix) => _everyHost != 0 ? _everyHost : CoverBySuffix(suffix, -1);

    private int CoverBySuffix(string host, int from)
    {
        if (_suffixes.Count == 0)
        {
            return 0;
        }

        // A wildcard '*.s' matches any host that ends with '.s', so look at every suffix that starts at a dot.
        for (var dot = host.IndexOf('.', Math.Max(from, 0)); dot >= 0; dot = host.IndexOf('.', dot + 1))
        {
            if (_suffixes.TryGetValue(host[dot..], out var rule))
            {
                return rule;
            }
        }

        return 0;
    }
}
