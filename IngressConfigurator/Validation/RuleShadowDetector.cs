using MediaStack.IngressConfigurator.Matching;
using MediaStack.IngressConfigurator.Model;

namespace MediaStack.IngressConfigurator.Validation;

/// <summary>
/// Finds rules that can never match because earlier rules already match every request they would.
/// It is exact for hostnames and treats paths as equal only when their text is equal, so it never
/// reports a rule that can match; it runs in time linear in the number of rules.
/// </summary>
internal sealed class RuleShadowDetector
{
    // Keyed by path text ("" for rules without a path), each entry remembering the first rule that added it.
    private readonly Dictionary<string, int> _everyHost = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Path, string Host), int> _exact = [];
    private readonly Dictionary<(string Path, string Suffix), int> _suffixes = [];

    /// <summary>Returns, for each shadowed rule (1-based), the first earlier rule that covers it.</summary>
    public static IReadOnlyList<(int Rule, int ShadowedBy)> Find(IReadOnlyList<IngressRule> rules)
    {
        var detector = new RuleShadowDetector();
        var found = new List<(int, int)>();
        for (var i = 0; i < rules.Count - 1; i++)
        {
            var rule = rules[i];
            var path = rule.Path ?? string.Empty;
            var host = rule.Hostname ?? string.Empty;
            var alternative = host is "" or "*" || host.StartsWith("*.", StringComparison.Ordinal) ? null : IdnHostname.AlternativeForm(host);
            var by = detector.CoveredBy(host, alternative, path);
            if (by != 0)
            {
                found.Add((i + 1, by));
            }

            detector.Add(host, alternative, path, i + 1);
        }

        return found;
    }

    private int CoveredBy(string host, string? alternative, string path)
    {
        if (host is "" or "*")
        {
            return EveryHost(path);
        }

        if (host.StartsWith("*.", StringComparison.Ordinal))
        {
            return Either(path, p => First(EveryHostOn(p), Suffix(p, host[1..], 0)));
        }

        var coveredBy = Either(path, p => CoverExact(p, host));

        // cloudflared also matches the rule's punycode form; the rule is dead only if that is covered too.
        return coveredBy != 0 && alternative is not null && Either(path, p => CoverExact(p, alternative)) == 0 ? 0 : coveredBy;
    }

    private int CoverExact(string path, string host)
    {
        var rule = EveryHostOn(path);
        if (_exact.TryGetValue((path, host), out var exact))
        {
            rule = First(rule, exact);
        }

        return First(rule, Suffix(path, host, 0));
    }

    // A wildcard '*.s' matches any host that ends with '.s', so look at every suffix that starts at a dot.
    private int Suffix(string path, string host, int from)
    {
        if (_suffixes.Count == 0)
        {
            return 0;
        }

        for (var dot = host.IndexOf('.', from); dot >= 0; dot = host.IndexOf('.', dot + 1))
        {
            if (_suffixes.TryGetValue((path, host[dot..]), out var rule))
            {
                return rule;
            }
        }

        return 0;
    }

    private int EveryHost(string path) => Either(path, EveryHostOn);

    private int EveryHostOn(string path) => _everyHost.GetValueOrDefault(path);

    // A rule with a path is covered by rules with no path as well as by rules with the same path.
    private static int Either(string path, Func<string, int> cover) =>
        path.Length == 0 ? cover(string.Empty) : First(cover(string.Empty), cover(path));

    private static int First(int a, int b) => a == 0 ? b : b == 0 ? a : Math.Min(a, b);

    private void Add(string host, string? alternative, string path, int number)
    {
        if (host is "" or "*")
        {
            _everyHost.TryAdd(path, number);
        }
        else if (host.StartsWith("*.", StringComparison.Ordinal))
        {
            _suffixes.TryAdd((path, host[1..]), number);
        }
        else
        {
            _exact.TryAdd((path, host), number);
            if (alternative is not null)
            {
                _exact.TryAdd((path, alternative), number);
            }
        }
    }
}
