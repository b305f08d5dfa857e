using System.Globalization;
using System.Net;
using MediaStack.IngressConfigurator.Matching;
using MediaStack.IngressConfigurator.Model;

namespace MediaStack.IngressConfigurator.Validation;

/// <summary>
/// Checks a tunnel configuration as <c>cloudflared tunnel ingress validate</c> does (same verdicts, errors in the
/// same order, rules numbered from 1 as in cloudflared's messages), and adds warnings for likely mistakes.
/// </summary>
public static class IngressValidator
{
    /// <summary>Checks a configuration.</summary>
    /// <param name="configuration">The configuration.</param>
    /// <param name="options">Settings for the extra warnings, or <see langword="null"/> for the defaults.</param>
    /// <returns>Errors (the first is the one cloudflared reports) followed by warnings.</returns>
    public static ValidationResult Validate(TunnelConfiguration configuration, ValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        options ??= ValidationOptions.Default;
        var errors = new List<ValidationIssue>();
        var warnings = new List<ValidationIssue>();
        var rules = configuration.Ingress;
        if (rules.Count == 0)
        {
            errors.Add(new ValidationIssue
            {
                Severity = IssueSeverity.Error,
                Field = "ingress",
                Message = "The config file doesn't contain any ingress rules",
                Fix = "Add an ingress list that ends with a catch-all rule such as '- service: http_status:404'.",
            });
            return new ValidationResult { Issues = errors };
        }

        var topLevel = OriginRequest.Effective(configuration.OriginRequest, null);
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];

            // Only the rule's own settings can change the fields checked here, so most rules need no merged copy.
            var effective = rule.OriginRequest is { BastionMode: not null } or { NoTlsVerify: not null }
                ? topLevel.OverriddenBy(rule.OriginRequest)
                : topLevel;
            var service = OriginServiceParser.Parse(rule, effective, out var serviceError, out var serviceFix, describe: false);
            var error = serviceError is not null
                ? Issue(i, "service", serviceError, serviceFix)
                : CheckAccess(rule, i) ?? CheckHostname(rule, i, rules.Count) ?? CheckPath(rule, i);
            if (error is not null)
            {
                errors.Add(error);
                continue;
            }

            AddRuleWarnings(rule, i, effective, service!, options, warnings);
        }

        if (errors.Count == 0)
        {
            foreach (var (rule, shadowedBy) in RuleShadowDetector.Find(rules))
            {
                warnings.Add(new ValidationIssue
                {
                    Severity = IssueSeverity.Warning,
                    RuleNumber = rule,
                    Field = "hostname",
                    Message = string.Create(CultureInfo.InvariantCulture,
                        $"The rule can never match: rule #{shadowedBy} comes first and matches every request it would."),
                    Fix = "Move the more specific rule above the broader one, or remove it.",
                });
            }
        }

        return new ValidationResult { Issues = [.. errors, .. warnings.OrderBy(w => w.RuleNumber ?? 0)] };
    }

    private static ValidationIssue? CheckAccess(IngressRule rule, int index)
    {
        // cloudflared checks only the rule's own access block, not the inherited top-level one.
        if (rule.OriginRequest?.Access is { Required: true } access &&
            string.IsNullOrEmpty(access.TeamName) && access.AudTag.Count > 0)
        {
            return Issue(index, "originRequest.access.teamName", "access.TeamName cannot be blank when access.audTags are present",
                "Set teamName to your Cloudflare Access team name, or remove audTag.");
        }

        return null;
    }

    private static ValidationIssue? CheckHostname(IngressRule rule, int index, int count)
    {
        var hostname = rule.Hostname ?? string.Empty;
        if (HostnameText.TryRemoveScheme(hostname, out var bareHost))
        {
            // cloudflared rejects a scheme through its port check (the colon), so the verdict and
            // message are its own; only the fix speaks of the scheme.
            return Issue(index, "hostname", "Hostname cannot contain a port",
                $"Remove the scheme: write '{bareHost}'; the scheme belongs in the service URL.");
        }

        if (HostPort.TrySplit(hostname, out var host, out _))
        {
            return Issue(index, "hostname", "Hostname cannot contain a port",
                $"Remove the port: write '{host}'; the port belongs in the service URL.");
        }

        if (hostname.LastIndexOf('*') > 0)
        {
            return Issue(index, "hostname",
                "Hostname patterns can have at most one wildcard character (\"*\") and it can only be used for subdomains, e.g. \"*.example.com\"",
                "Use a single leading '*.' such as '*.example.com', or list the hostnames one by one.");
        }

        var isLast = index == count - 1;
        if (isLast && !rule.IsCatchAll)
        {
            return Issue(index, "hostname",
                "The last ingress rule must match all URLs (i.e. it should not have a hostname or path filter)",
                "Add a final rule without hostname and path, for example '- service: http_status:404'.");
        }

        if (!isLast && rule.IsCatchAll)
        {
            return Issue(index, "hostname",
                string.Create(CultureInfo.InvariantCulture,
                    $"Rule #{index + 1} is matching the hostname '{hostname}', but this will match every hostname, meaning the rules which follow it will never be triggered."),
                "Give the rule a hostname or path, or move it to the end of the list.");
        }

        return null;
    }

    private static ValidationIssue? CheckPath(IngressRule rule, int index)
    {
        if (string.IsNullOrEmpty(rule.Path) || Re2Regex.IsValid(rule.Path, out var error))
        {
            return null;
        }

        return Issue(index, "path", string.Create(CultureInfo.InvariantCulture, $"Rule #{index + 1} has an invalid regex: {error}"),
            "Write the path as a Go (RE2) regular expression: no backreferences, lookaround or possessive quantifiers.");
    }

    private static void AddRuleWarnings(
        IngressRule rule,
        int index,
        OriginRequest effective,
        OriginService service,
        ValidationOptions options,
        List<ValidationIssue> warnings)
    {
        if (effective.NoTlsVerify == true)
        {
            var where = rule.OriginRequest?.NoTlsVerify == true ? "The rule" : "The top-level originRequest";
            warnings.Add(Warning(index, "originRequest.noTLSVerify",
                $"{where} turns off checking of the origin's TLS certificate, so any certificate is accepted.",
                "Remove noTLSVerify and set caPool or originServerName so the certificate can be checked."));
        }

        if (!string.IsNullOrEmpty(rule.Path) && rule.Path.Contains('{', StringComparison.Ordinal) &&
            Re2Regex.TryCreate(rule.Path, out var regex, out _) && !regex!.IsNonBacktracking)
        {
            warnings.Add(Warning(index, "path",
                "cloudflared accepts this expression, but its counted repetitions are too large for this tool's non-backtracking matcher, so matching it here is limited to "
                + Re2Regex.FallbackMatchTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " seconds.",
                "Use smaller repeat counts, for example {1,50} instead of {1,1000}."));
        }

        if (options.ContainerizedConnector && IsLoopback(service.Hostname))
        {
            warnings.Add(Warning(index, "service",
                $"'{rule.Service}' points at the cloudflared container itself, not at the machine or another container.",
                "Use the container's name, or host.docker.internal for a service on the host."));
        }
    }

    private static bool IsLoopback(string host)
    {
        if (host.Length == 0)
        {
            return false;
        }

        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ||
            host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(host, out var address) && host.Contains('.', StringComparison.Ordinal) | host.Contains(':', StringComparison.Ordinal) &&
            (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any));
    }

    private static ValidationIssue Issue(int index, string field, string message, string? fix) => new()
    {
        Severity = IssueSeverity.Error,
        RuleNumber = index + 1,
        Field = field,
        Message = message,
        Fix = fix,
    };

    private static ValidationIssue Warning(int index, string field, string message, string fix) => new()
    {
        Severity = IssueSeverity.Warning,
        RuleNumber = index + 1,
        Field = field,
        Message = message,
        Fix = fix,
    };
}
