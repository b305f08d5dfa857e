using System.Text.Json.Nodes;
using MediaStack.IngressConfigurator.Routes;

namespace MediaStack.IngressConfigurator.Cloudflare;

/// <summary>
/// Compares the routes of the model with the account's current state and decides every write.
/// </summary>
internal static class CloudflarePlanner
{
    public const string ApplicationType = "self_hosted";

    public static PublishWork Plan(
        IReadOnlyList<PublishedRoute> routes,
        CloudflareOptions options,
        CloudflareState state)
    {
        var conflicts = new List<PlanConflict>();
        var hostnames = GroupByHostname(routes);
        var modelHosts = hostnames.Select(work => work.Hostname).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var ownedHosts = state.DnsRecords
            .Where(entry => IsOwnedRecord(entry.Record, options))
            .Select(entry => Text(entry.Record, "name"))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        foreach (var work in hostnames)
        {
            PlanZone(work, state);
            PlanRecord(work, options, state, conflicts);
        }

        var (foreignRules, ownedRules, catchAll) = SplitIngress(state.TunnelConfig, ownedHosts);
        foreach (var work in hostnames.Where(work => !ownedHosts.Contains(work.Hostname)))
        {
            var foreign = foreignRules.FirstOrDefault(rule => TunnelIngress.Serves(rule, work.Hostname));
            if (foreign is not null)
            {
                var reason = $"Tunnel rule '{TunnelIngress.KeyOf(foreign)}' (service '{Text(foreign, "service")}') " +
                    $"was not created by MediaStack and already serves '{work.Hostname}'; remove it in the dashboard " +
                    "to let MediaStack publish the hostname.";
                conflicts.Add(new PlanConflict(CloudflareItemKind.TunnelRule, work.Hostname, reason));
                work.WithheldReason ??= reason;
            }
        }

        var policy = hostnames.Any(work => work.IsProtected) ? PlanPolicy(options, state) : null;
        foreach (var work in hostnames.Where(work => work.IsProtected && work.WithheldReason is null))
        {
            PlanApplication(work, options, state, policy!, conflicts);
        }

        var unpruned = new List<JsonObject>();
        var changes = new List<PlannedChange>();
        var createTag = hostnames.Any(work => work.ApplicationChange is not null)
            && !state.AccessTags.Contains(options.OwnershipTag);
        if (createTag)
        {
            changes.Add(new PlannedChange(
                CloudflareItemKind.AccessTag,
                PlannedChangeKind.Create,
                options.OwnershipTag,
                "Creates the Access tag that marks applications as owned by MediaStack."));
        }

        var writePolicy = policy?.Change is not null
            && hostnames.Any(work => work.ApplicationChange is not null || work.Audience is not null);
        if (writePolicy)
        {
            var policyChange = policy!.Change!.Value;
            changes.Add(new PlannedChange(
                CloudflareItemKind.AccessPolicy,
                policyChange,
                options.OwnedPolicyName,
                $"Allows {string.Join(", ", policy.Emails)}."));
        }

        foreach (var work in hostnames.Where(work => work.ApplicationChange is not null))
        {
            changes.Add(new PlannedChange(
                CloudflareItemKind.AccessApplication,
                work.ApplicationChange!.Value,
                work.Hostname,
                $"Self-hosted application for '{work.Hostname}' using policy '{PolicyLabel(options)}'."));
        }

        foreach (var work in hostnames.Where(work => work.WithheldReason is null && work.RecordChange is not null))
        {
            changes.Add(new PlannedChange(
                CloudflareItemKind.DnsRecord,
                work.RecordChange!.Value,
                work.Hostname,
                $"Proxied CNAME to '{options.TunnelTarget}' in zone '{work.Zone!.Name}'."));
        }

        // The rule comparison needs the ingress as it would be built, so it works on a draft that
        // has everything but the final plan.
        var draft = new PublishWork
        {
            Plan = new CloudflarePlan([], [], []),
            WritePolicy = writePolicy,
            Hostnames = hostnames,
            Policy = policy,
            CreateTag = createTag,
            TeamName = state.TeamName,
            ForeignRules = foreignRules,
            UnprunedRules = unpruned,
            CatchAll = catchAll,
            CurrentConfig = state.TunnelConfig,
            RecordsToDelete = [],
            ApplicationsToDelete = [],
        };
        PlanRules(draft, ownedRules, modelHosts, options, changes, unpruned);

        var recordsToDelete = new List<(CloudflareZone Zone, JsonObject Record)>();
        foreach (var entry in state.DnsRecords.Where(entry => IsOwnedRecord(entry.Record, options)
            && !modelHosts.Contains(Text(entry.Record, "name"))))
        {
            var name = Text(entry.Record, "name");
            changes.Add(PruneChange(options, CloudflareItemKind.DnsRecord, name, $"CNAME in zone '{entry.Zone.Name}'"));
            if (options.Prune)
            {
                recordsToDelete.Add(entry);
            }
        }

        var protectedHosts = hostnames.Where(work => work.IsProtected)
            .Select(work => work.Hostname)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var applicationsToDelete = new List<JsonObject>();
        var leftApplications = state.AccessApplications.Where(application =>
            IsOwnedApplication(application, options) && !protectedHosts.Contains(Text(application, "domain")));
        foreach (var application in leftApplications)
        {
            var domain = Text(application, "domain");
            changes.Add(PruneChange(options, CloudflareItemKind.AccessApplication, domain, "Self-hosted application"));
            if (options.Prune)
            {
                applicationsToDelete.Add(application);
            }
        }

        var withheld = hostnames.Where(work => work.WithheldReason is not null)
            .Select(work => new WithheldHostname(work.Hostname, work.WithheldReason!))
            .ToList();
        return new PublishWork
        {
            Plan = new CloudflarePlan(changes, conflicts, withheld),
            WritePolicy = writePolicy,
            Hostnames = hostnames,
            Policy = policy,
            CreateTag = createTag,
            TeamName = state.TeamName,
            ForeignRules = foreignRules,
            UnprunedRules = unpruned,
            CatchAll = catchAll,
            CurrentConfig = state.TunnelConfig,
            RecordsToDelete = recordsToDelete,
            ApplicationsToDelete = applicationsToDelete,
        };
    }

    public static bool IsOwnedRecord(JsonObject record, CloudflareOptions options) =>
        string.Equals(Text(record, "comment"), options.OwnershipComment, StringComparison.Ordinal);

    public static bool IsOwnedApplication(JsonObject application, CloudflareOptions options) =>
        application["tags"] is JsonArray tags
        && tags.Any(tag => tag is JsonValue value
            && value.TryGetValue<string>(out var name)
            && name == options.OwnershipTag);

    public static string Text(JsonObject node, string name) =>
        node[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : string.Empty;

    public static JsonObject RecordBody(string hostname, CloudflareOptions options) => new()
    {
        ["type"] = "CNAME",
        ["name"] = hostname,
        ["content"] = options.TunnelTarget,
        ["proxied"] = true,
        ["ttl"] = 1,
        ["comment"] = options.OwnershipComment,
    };

    public static JsonObject ApplicationBody(string hostname, CloudflareOptions options, string policyId) => new()
    {
        ["name"] = ApplicationName(hostname),
        ["domain"] = hostname,
        ["type"] = ApplicationType,
        ["session_duration"] = options.SessionDuration,
        ["policies"] = new JsonArray(new JsonObject { ["id"] = policyId, ["precedence"] = 1 }),
        ["tags"] = new JsonArray(options.OwnershipTag),
    };

    public static JsonObject PolicyBody(CloudflareOptions options, IReadOnlyList<string> emails) => new()
    {
        ["name"] = options.OwnedPolicyName,
        ["decision"] = "allow",
        ["include"] = new JsonArray(emails
            .Select(email => (JsonNode)new JsonObject { ["email"] = new JsonObject { ["email"] = email } })
            .ToArray()),
    };

    private static string ApplicationName(string hostname) => $"{hostname} (MediaStack)";

    private static string PolicyLabel(CloudflareOptions options) =>
        string.IsNullOrWhiteSpace(options.AccessPolicyName) ? options.OwnedPolicyName : options.AccessPolicyName;

    private static List<HostnameWork> GroupByHostname(IReadOnlyList<PublishedRoute> routes) =>
        routes.GroupBy(route => route.Hostname, StringComparer.OrdinalIgnoreCase)
            .Select(group => new HostnameWork
            {
                Hostname = group.Key.ToLowerInvariant(),
                Routes = group.ToList(),
                IsProtected = group.Any(route => route.Access == RouteAccess.Protected),
            })
            .ToList();

    private static void PlanZone(HostnameWork work, CloudflareState state)
    {
        if (state.ZoneByHostname.TryGetValue(work.Hostname, out var zone))
        {
            work.Zone = zone;
        }
        else
        {
            work.WithheldReason = state.ZoneProblemByHostname.GetValueOrDefault(work.Hostname)
                ?? $"No zone was found for '{work.Hostname}'; add its domain to the account or set 'Cloudflare:ZoneId'.";
        }
    }

    private static void PlanRecord(
        HostnameWork work,
        CloudflareOptions options,
        CloudflareState state,
        List<PlanConflict> conflicts)
    {
        if (work.Zone is null)
        {
            return;
        }

        var records = state.DnsRecords
            .Where(entry => entry.Zone.Id == work.Zone.Id
                && string.Equals(Text(entry.Record, "name"), work.Hostname, StringComparison.OrdinalIgnoreCase))
            .Select(entry => entry.Record)
            .ToList();
        var foreign = records.FirstOrDefault(record => !IsOwnedRecord(record, options));
        if (foreign is not null)
        {
            var reason = $"DNS record '{work.Hostname}' ({Text(foreign, "type")} to '{Text(foreign, "content")}') " +
                "was not created by MediaStack and is left alone; delete it, or give it the comment " +
                $"'{options.OwnershipComment}' to hand it over.";
            conflicts.Add(new PlanConflict(CloudflareItemKind.DnsRecord, work.Hostname, reason));
            work.WithheldReason ??= reason;
            return;
        }

        work.OwnedRecord = records.FirstOrDefault();
        if (work.OwnedRecord is null)
        {
            work.RecordChange = PlannedChangeKind.Create;
            return;
        }

        var matches = Text(work.OwnedRecord, "type") == "CNAME"
            && string.Equals(Text(work.OwnedRecord, "content"), options.TunnelTarget, StringComparison.OrdinalIgnoreCase)
            && work.OwnedRecord["proxied"] is JsonValue proxied && proxied.TryGetValue<bool>(out var on) && on;
        work.RecordChange = matches ? null : PlannedChangeKind.Update;
    }

    private static (List<JsonObject> Foreign, List<JsonObject> Owned, JsonObject CatchAll) SplitIngress(
        JsonObject config,
        HashSet<string> ownedHosts)
    {
        var rules = (config["ingress"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        JsonObject catchAll = new() { ["service"] = "http_status:404" };
        if (rules.Count > 0 && TunnelIngress.HostnameOf(rules[^1]) is null && rules[^1]["path"] is null)
        {
            catchAll = (JsonObject)rules[^1].DeepClone();
            rules.RemoveAt(rules.Count - 1);
        }

        var foreign = new List<JsonObject>();
        var owned = new List<JsonObject>();
        foreach (var rule in rules)
        {
            var host = TunnelIngress.HostnameOf(rule);
            (host is not null && ownedHosts.Contains(host) ? owned : foreign).Add((JsonObject)rule.DeepClone());
        }

        return (foreign, owned, catchAll);
    }

    private static PolicyWork PlanPolicy(CloudflareOptions options, CloudflareState state)
    {
        if (!string.IsNullOrWhiteSpace(options.AccessPolicyName))
        {
            var named = state.AccessPolicies.FirstOrDefault(policy => Text(policy, "name") == options.AccessPolicyName);
            return named is null
                ? new PolicyWork
                {
                    Problem = $"No reusable Access policy is named '{options.AccessPolicyName}'; create it in Zero Trust " +
                        "or fix 'Cloudflare:AccessPolicyName'.",
                }
                : new PolicyWork { Id = Text(named, "id") };
        }

        var emails = options.AllowedEmails
            .Select(email => email.Trim().ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (emails.Count == 0)
        {
            return new PolicyWork
            {
                Problem = "Neither 'Cloudflare:AllowedEmails' nor 'Cloudflare:AccessPolicyName' is set, so no Access " +
                    "policy can protect the hostname; set one of them.",
            };
        }

        var owned = state.AccessPolicies.FirstOrDefault(policy => Text(policy, "name") == options.OwnedPolicyName);
        if (owned is null)
        {
            return new PolicyWork { Change = PlannedChangeKind.Create, Emails = emails };
        }

        var current = (owned["include"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(rule => rule["email"]?["email"]?.GetValue<string>()?.ToLowerInvariant() ?? "(not an e-mail rule)")
            .Order(StringComparer.Ordinal)
            .ToList();
        var same = Text(owned, "decision") == "allow" && current.SequenceEqual(emails, StringComparer.Ordinal);
        return new PolicyWork
        {
            Id = Text(owned, "id"),
            Change = same ? null : PlannedChangeKind.Update,
            Emails = emails,
        };
    }

    private static void PlanApplication(
        HostnameWork work,
        CloudflareOptions options,
        CloudflareState state,
        PolicyWork policy,
        List<PlanConflict> conflicts)
    {
        if (state.TeamName is null)
        {
            work.WithheldReason = "The account has no Cloudflare Access organization (team), so its Access " +
                $"application for '{work.Hostname}' cannot be resolved; set up Zero Trust for the account first.";
            return;
        }

        if (policy.Problem is not null)
        {
            work.WithheldReason = policy.Problem;
            return;
        }

        var covering = state.AccessApplications.Where(application => Covers(application, work.Hostname)).ToList();
        var foreign = covering.FirstOrDefault(application => !IsOwnedApplication(application, options));
        if (foreign is not null)
        {
            var reason = $"Access application '{Text(foreign, "name")}' was not created by MediaStack and already " +
                $"covers '{work.Hostname}'; delete it, or tag it '{options.OwnershipTag}' to hand it over.";
            conflicts.Add(new PlanConflict(CloudflareItemKind.AccessApplication, work.Hostname, reason));
            work.WithheldReason = reason;
            return;
        }

        work.OwnedApplication = covering.FirstOrDefault();
        if (work.OwnedApplication is null)
        {
            work.ApplicationChange = PlannedChangeKind.Create;
            return;
        }

        work.Audience = Text(work.OwnedApplication, "aud");
        var policyIds = (work.OwnedApplication["policies"] as JsonArray ?? [])
            .Select(entry => entry is JsonObject link ? Text(link, "id") : entry?.GetValue<string>() ?? string.Empty)
            .ToList();
        var same = Text(work.OwnedApplication, "name") == ApplicationName(work.Hostname)
            && Text(work.OwnedApplication, "type") == ApplicationType
            && Text(work.OwnedApplication, "session_duration") == options.SessionDuration
            && policy.Id is not null
            && policyIds.SequenceEqual([policy.Id], StringComparer.Ordinal);
        work.ApplicationChange = same ? null : PlannedChangeKind.Update;
    }

    private static bool Covers(JsonObject application, string hostname)
    {
        // An application can name the hostname as its domain, in its list of self-hosted domains
        // or as a destination, with or without a path; any of these already guards the hostname.
        var domains = new List<string> { Text(application, "domain") };
        if (application["self_hosted_domains"] is JsonArray selfHosted)
        {
            domains.AddRange(selfHosted.OfType<JsonValue>()
                .Select(value => value.TryGetValue<string>(out var text) ? text : string.Empty));
        }

        if (application["destinations"] is JsonArray destinations)
        {
            domains.AddRange(destinations.OfType<JsonObject>().Select(destination => Text(destination, "uri")));
        }

        return domains.Any(domain => string.Equals(domain, hostname, StringComparison.OrdinalIgnoreCase)
            || domain.StartsWith(hostname + "/", StringComparison.OrdinalIgnoreCase));
    }

    private static void PlanRules(
        PublishWork work,
        List<JsonObject> ownedRules,
        HashSet<string> modelHosts,
        CloudflareOptions options,
        List<PlannedChange> changes,
        List<JsonObject> unpruned)
    {
        var desired = work.Hostnames
            .Where(hostname => hostname.WithheldReason is null)
            .SelectMany(hostname => hostname.Routes
                .Select(route => TunnelIngress.BuildRule(route, hostname, work.TeamName)))
            .ToList();
        var currentByKey = ownedRules
            .GroupBy(TunnelIngress.KeyOf, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => group.First(), StringComparer.OrdinalIgnoreCase);
        var ruleChanges = new List<PlannedChange>();
        foreach (var rule in desired)
        {
            var key = TunnelIngress.KeyOf(rule);
            var detail = $"Sends '{key}' to '{Text(rule, "service")}'.";
            if (!currentByKey.TryGetValue(key, out var current))
            {
                ruleChanges.Add(new PlannedChange(
                    CloudflareItemKind.TunnelRule,
                    PlannedChangeKind.Create,
                    key,
                    detail));
            }
            else if (!TunnelIngress.AreEquivalent(current, rule))
            {
                ruleChanges.Add(new PlannedChange(
                    CloudflareItemKind.TunnelRule,
                    PlannedChangeKind.Update,
                    key,
                    detail));
            }
        }

        var desiredKeys = desired.Select(TunnelIngress.KeyOf).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in ownedRules.Where(rule => !desiredKeys.Contains(TunnelIngress.KeyOf(rule))))
        {
            var key = TunnelIngress.KeyOf(rule);
            var host = TunnelIngress.HostnameOf(rule)!;
            if (modelHosts.Contains(host))
            {
                // The hostname is still wanted but withheld (or the path changed): fail closed.
                ruleChanges.Add(new PlannedChange(
                    CloudflareItemKind.TunnelRule,
                    PlannedChangeKind.Delete,
                    key,
                    "Removes the rule because the model no longer publishes it in this form."));
            }
            else
            {
                ruleChanges.Add(PruneChange(options, CloudflareItemKind.TunnelRule, key, "Tunnel rule"));
                if (!options.Prune)
                {
                    unpruned.Add(rule);
                }
            }
        }

        var currentIngress = work.CurrentConfig["ingress"];
        var writesRules = ruleChanges.Any(change => change.Change != PlannedChangeKind.KeepUnpruned);
        if (!writesRules && TunnelIngress.NeedsWrite(currentIngress, TunnelIngress.Build(work)))
        {
            ruleChanges.Add(new PlannedChange(
                CloudflareItemKind.TunnelRule,
                PlannedChangeKind.Update,
                "(ingress order)",
                "Puts MediaStack's rules after the foreign ones and ends the list with the catch-all."));
        }

        changes.AddRange(ruleChanges);
    }

    private static PlannedChange PruneChange(
        CloudflareOptions options,
        CloudflareItemKind item,
        string name,
        string what) =>
        options.Prune
            ? new PlannedChange(item, PlannedChangeKind.Delete, name, $"{what} is owned by MediaStack and left the model.")
            : new PlannedChange(
                item,
                PlannedChangeKind.KeepUnpruned,
                name,
                $"{what} is owned by MediaStack and left the model; set 'Cloudflare:Prune' to delete it.");
}
