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
    private readonly HostCoverage _anyPath = new();
    private readonly Dictionary<string, HostCoverage> _byPath = new(StringComparer.Ordinal);

    /// <summary>Returns, for each shadowed rule (1-based), the first earlier rule that covers it.</summary>
    public static IReadOnlyList<(int Rule, int ShadowedBy)> Find(IReadOnlyList<IngressRule> rules)
    {
        var detector = new RuleShadowDetector();
        var found = new List<(int, int)>();
        for (var i = 0; i < rules.Count - 1; i++)
        {
            var number = i + 1;
            var rule = rules[i];
            var coverage = detector.CoverageFor(rule.Path);
            var by = detector.CoveredBy(rule, coverage);
            if (by != 0)
            {
                found.Add((number, by));
            }

            Add(rule, number, coverage ?? detector.AddPath(rule.Path!));
        }

        return found;
    }

    private HostCoverage? CoverageFor(string? path) =>
        string.IsNullOrEmpty(path) ? _anyPath : _byPath.GetValueOrDefault(path);

    private HostCoverage AddPath(string path)
    {
        var coverage = new HostCoverage();
        _byPath[path] = coverage;
        return coverage;
    }

    private int CoveredBy(IngressRule rule, HostCoverage? samePath)
    {
        var host = rule.Hostname ?? string.Empty;
        if (host is "" or "*")
        {
            return First(_anyPath.CoverSuffix(string.Empty), 0);
        }

        if (host.StartsWith("*.", StringComparison.Ordinal))
        {
            var suffix = host[1..];
            return First(_anyPath.CoverSuffix(suffix), samePath is null || samePath == _anyPath ? 0 : samePath.CoverSuffix(suffix));
        }

        var coveredBy = Cover(host, samePath);
        if (coveredBy == 0)
        {
            return 0;
        }

        // cloudflared also matches the rule's punycode form; the rule is dead only if that is covered too.
        if (IdnHostname.AlternativeForm(host) is { } alternative)
        {
            return Cover(alternative, samePath) == 0 ? 0 : coveredBy;
        }

        return coveredBy;
    }

    private int Cover(string host, HostCoverage? samePath) =>
        First(_anyPath.CoverExact(host), samePath is null || samePath == _anyPath ? 0 : samePath.CoverExact(host));

    private static int First(int a, int b) => a == 0 ? b : b == 0 ? a : Math.Min(a, b);

    private static void Add(IngressRule rule, int number, HostCoverage coverage)
    {
        var host = rule.Hostname ?? string.Empty;
        if (host is "" or "*")
        {
            coverage.AddEveryHost(number);
        }
        else if (host.StartsWith("*.", StringComparison.Ordinal))
        {
            coverage.AddSuffix(host[1..], number);
        }
        else
        {
            coverage.AddExact(host, number);
            if (IdnHostname.AlternativeForm(host) is { } alternative)
            {
                coverage.AddExact(alternative, number);
            }
        }
    }
}
