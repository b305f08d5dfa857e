using System.Text.Json.Nodes;

namespace MediaStack.IngressConfigurator.Cloudflare;

/// <summary>
/// Builds and compares ingress rule lists in the tunnel configuration API's JSON form.
/// </summary>
internal static class TunnelIngress
{
    public const string PendingAudience = "(assigned when the Access application is created)";

    /// <summary>Builds the whole ingress list: foreign rules, unpruned rules, the model's rules, catch-all.</summary>
    public static JsonArray Build(PublishWork work)
    {
        var ingress = new JsonArray();
        foreach (var rule in work.ForeignRules)
        {
            ingress.Add(rule.DeepClone());
        }

        // Unpruned rules serve hostnames the model no longer has, so they cannot shadow its rules;
        // keeping them ahead of the model's rules means removing a route alone rewrites nothing.
        foreach (var rule in work.UnprunedRules)
        {
            ingress.Add(rule.DeepClone());
        }

        foreach (var hostname in work.Hostnames.Where(hostname => hostname.WithheldReason is null))
        {
            foreach (var route in hostname.Routes)
            {
                ingress.Add(BuildRule(route, hostname, work.TeamName));
            }
        }

        ingress.Add(work.CatchAll.DeepClone());
        return ingress;
    }

    /// <summary>Builds the rule of one route, with the Access check for protected hostnames.</summary>
    public static JsonObject BuildRule(PublishedRoute route, HostnameWork hostname, string? teamName)
    {
        var rule = new JsonObject { ["hostname"] = route.Hostname };
        if (!string.IsNullOrEmpty(route.Path))
        {
            rule["path"] = route.Path;
        }

        rule["service"] = route.Service;
        var originRequest = route.OriginRequest?.DeepClone() as JsonObject ?? [];
        if (hostname.IsProtected)
        {
            originRequest["access"] = new JsonObject
            {
                ["required"] = true,
                ["teamName"] = teamName,
                ["audTag"] = new JsonArray(hostname.Audience ?? PendingAudience),
            };
        }

        if (originRequest.Count > 0)
        {
            rule["originRequest"] = originRequest;
        }

        return rule;
    }

    /// <summary>
    /// Tells whether the desired ingress must be written: it differs from the current one, and it
    /// is more than a lone catch-all for a tunnel that has no configuration yet.
    /// </summary>
    public static bool NeedsWrite(JsonNode? current, JsonArray desired)
    {
        ArgumentNullException.ThrowIfNull(desired);
        if (current is not JsonArray { Count: > 0 } && desired.Count <= 1)
        {
            return false;
        }

        return !AreEquivalent(current, desired);
    }

    /// <summary>Compares two ingress lists, ignoring null members and empty <c>originRequest</c> objects.</summary>
    public static bool AreEquivalent(JsonNode? left, JsonNode? right) =>
        JsonNode.DeepEquals(Normalize(left), Normalize(right));

    /// <summary>Gets the hostname of a rule, or null for a rule that matches every hostname.</summary>
    public static string? HostnameOf(JsonObject rule) =>
        rule["hostname"] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0
            ? text
            : null;

    /// <summary>Gets the key that identifies a rule within the owned rules: hostname and path.</summary>
    public static string KeyOf(JsonObject rule)
    {
        var path = rule["path"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : string.Empty;
        return $"{HostnameOf(rule)}{(path.Length > 0 ? " path " + path : string.Empty)}";
    }

    /// <summary>Tells whether a rule's hostname (possibly a <c>*.</c> wildcard) serves a hostname.</summary>
    public static bool Serves(JsonObject rule, string hostname)
    {
        var ruleHost = HostnameOf(rule);
        if (ruleHost is null)
        {
            return true;
        }

        if (ruleHost.StartsWith("*.", StringComparison.Ordinal))
        {
            return hostname.EndsWith(ruleHost[1..], StringComparison.OrdinalIgnoreCase);
        }

        return string.Equals(ruleHost, hostname, StringComparison.OrdinalIgnoreCase);
    }

    private static JsonNode? Normalize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (name, value) in obj)
                {
                    var normalized = Normalize(value);
                    if (normalized is null || (name == "originRequest" && normalized is JsonObject { Count: 0 }))
                    {
                        continue;
                    }

                    copy[name] = normalized;
                }

                return copy;
            case JsonArray array:
                return new JsonArray(array.Select(Normalize).ToArray());
            default:
                return node?.DeepClone();
        }
    }
}
