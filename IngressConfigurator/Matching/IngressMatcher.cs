using System.Text;
using MediaStack.IngressConfigurator.Model;
using MediaStack.IngressConfigurator.Validation;

namespace MediaStack.IngressConfigurator.Matching;

/// <summary>
/// Finds the rule a request goes to, with cloudflared's semantics: rules are tried in order, the port is ignored,
/// hostnames compare exactly (plus the rule's punycode form), <c>*.example.com</c> matches any name ending in
/// <c>.example.com</c>, and the path expression is unanchored and sees only the path.
/// </summary>
public sealed class IngressMatcher
{
    private readonly MatchableRule[] _rules;
    private readonly Dictionary<string, List<int>> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _suffixes = new(StringComparer.Ordinal);
    private readonly List<int> _everyHost = [];

    private IngressMatcher(MatchableRule[] rules)
    {
        _rules = rules;
        for (var i = 0; i < rules.Length; i++)
        {
            var rule = rules[i];
            if (rule.MatchesEveryHost)
            {
                _everyHost.Add(i);
            }
            else if (rule.Hostname.StartsWith("*.", StringComparison.Ordinal))
            {
                Index(_suffixes, rule.Hostname[1..], i);
            }
            else
            {
                Index(_exact, rule.Hostname, i);
            }

            if (rule.Punycode is { } punycode)
            {
                Index(punycode.StartsWith("*.", StringComparison.Ordinal) ? _suffixes : _exact,
                    punycode.StartsWith("*.", StringComparison.Ordinal) ? punycode[1..] : punycode, i);
            }
        }
    }

    /// <summary>Gets the number of rules.</summary>
    public int Count => _rules.Length;

    /// <summary>Prepares a configuration for matching.</summary>
    /// <param name="configuration">A configuration that passes <see cref="IngressValidator"/>.</param>
    /// <returns>The matcher.</returns>
    /// <exception cref="ArgumentException">The configuration is not valid; the message is the first error.</exception>
    public static IngressMatcher Create(TunnelConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var validation = IngressValidator.Validate(configuration);
        if (!validation.IsValid)
        {
            throw new ArgumentException($"The configuration is not valid: {validation.Errors.First()}", nameof(configuration));
        }

        var rules = new MatchableRule[configuration.Ingress.Count];
        for (var i = 0; i < rules.Length; i++)
        {
            var rule = configuration.Ingress[i];
            var effective = OriginRequest.Effective(configuration.OriginRequest, rule.OriginRequest);
            var service = OriginServiceParser.Parse(rule, effective, out _, out _)!;
            var hostname = rule.Hostname ?? string.Empty;
            var everyHost = hostname is "" or "*";
            var punycode = rule.IsCatchAll || everyHost ? null : IdnHostname.AlternativeForm(hostname);
            Re2Regex? path = null;
            if (!string.IsNullOrEmpty(rule.Path))
            {
                Re2Regex.TryCreate(rule.Path, out path, out _);
            }

            rules[i] = new MatchableRule(rule, hostname, punycode, everyHost, path, service);
        }

        return new IngressMatcher(rules);
    }

    /// <summary>Finds the first rule matching a request host (a port is dropped) and path.</summary>
    /// <param name="host">The request's host, with or without a port.</param>
    /// <param name="path">The request's decoded path.</param>
    /// <returns>The matching rule; the last rule when nothing else matches.</returns>
    public RuleMatch Match(string host, string path)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(path);
        if (HostPort.TrySplit(host, out var withoutPort, out _))
        {
            host = withoutPort;
        }

        var best = int.MaxValue;
        Consider(_everyHost, path, ref best);
        if (_exact.TryGetValue(host, out var exact))
        {
            Consider(exact, path, ref best);
        }

        if (_suffixes.Count > 0)
        {
            for (var dot = host.IndexOf('.', StringComparison.Ordinal); dot >= 0; dot = host.IndexOf('.', dot + 1))
            {
                if (_suffixes.TryGetValue(host[dot..], out var wildcard))
                {
                    Consider(wildcard, path, ref best);
                }
            }
        }

        var index = best == int.MaxValue ? _rules.Length - 1 : best;
        return new RuleMatch(index, _rules[index].Rule, _rules[index].Service);
    }

    /// <summary>Finds the rule the way cloudflared does, by trying every rule in order (used to check the index).</summary>
    internal int MatchByScan(string host, string path)
    {
        if (HostPort.TrySplit(host, out var withoutPort, out _))
        {
            host = withoutPort;
        }

        for (var i = 0; i < _rules.Length; i++)
        {
            if (_rules[i].Matches(host, path))
            {
                return i;
            }
        }

        return _rules.Length - 1;
    }

    /// <summary>Formats a match as <c>cloudflared tunnel ingress rule</c> prints it.</summary>
    /// <param name="match">The match.</param>
    /// <returns>The lines <c>Matched rule #N</c>, then hostname, path and service indented by a tab.</returns>
    public static string Describe(RuleMatch match)
    {
        ArgumentNullException.ThrowIfNull(match);
        var text = new StringBuilder();
        text.Append("Matched rule #").Append(match.Index).Append('\n');
        if (!string.IsNullOrEmpty(match.Rule.Hostname))
        {
            text.Append("\thostname: ").Append(match.Rule.Hostname).Append('\n');
        }

        if (!string.IsNullOrEmpty(match.Rule.Path))
        {
            text.Append("\tpath: ").Append(match.Rule.Path).Append('\n');
        }

        text.Append("\tservice: ").Append(match.Service.Display);
        return text.ToString();
    }

    private void Consider(List<int> candidates, string path, ref int best)
    {
        foreach (var index in candidates)
        {
            if (index >= best)
            {
                return;
            }

            var rule = _rules[index];
            if (rule.Path is null || rule.Path.IsMatch(path))
            {
                best = index;
                return;
            }
        }
    }

    private static void Index(Dictionary<string, List<int>> index, string key, int rule)
    {
        if (!index.TryGetValue(key, out var list))
        {
            list = [];
            index[key] = list;
        }

        if (list.Count == 0 || list[^1] != rule)
        {
            list.Add(rule);
        }
    }
}
