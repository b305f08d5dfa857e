using MediaStack.IngressConfigurator.Model;
using MediaStack.IngressConfigurator.Validation;

namespace MediaStack.IngressConfigurator.Matching;

/// <summary>
/// A rule prepared for matching: its hostname, punycode form, compiled path and parsed service.
/// </summary>
internal sealed record MatchableRule(IngressRule Rule, string Hostname, string? Punycode, bool MatchesEveryHost, Re2Regex? Path, OriginService Service)
{
    /// <summary>Reports whether the rule matches, exactly as cloudflared's <c>Rule.Matches</c> decides.</summary>
    public bool Matches(string host, string path)
    {
        var hostMatch = MatchesEveryHost || MatchHost(Hostname, host) || (Punycode is not null && MatchHost(Punycode, host));
        return hostMatch && (Path is null || Path.IsMatch(path));
    }

    private static bool MatchHost(string ruleHost, string requestHost) =>
        ruleHost == requestHost ||
        (ruleHost.StartsWith("*.", StringComparison.Ordinal) && requestHost.EndsWith(ruleHost[1..], StringComparison.Ordinal));
}
