using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using MediaStack.IngressConfigurator.Routes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MediaStack.IngressConfigurator.Cloudflare;

/// <summary>
/// Publishes routes through a remotely-managed tunnel: verifies the token, probes permissions,
/// reads the account, plans tunnel rules, DNS records and Access applications, and applies the
/// plan when asked to.
/// </summary>
public sealed class CloudflareTunnelPublisher
{
    private readonly CloudflareApiClient _client;
    private readonly ILogger<CloudflareTunnelPublisher> _logger;
    private readonly CloudflareOptions _options;

    /// <summary>Initializes a new instance of the <see cref="CloudflareTunnelPublisher"/> class.</summary>
    /// <param name="client">The Cloudflare API client.</param>
    /// <param name="logger">The logger the plan is written to.</param>
    /// <param name="options">The configured options, used by the overload without options.</param>
    public CloudflareTunnelPublisher(
        CloudflareApiClient client,
        ILogger<CloudflareTunnelPublisher> logger,
        IOptions<CloudflareOptions> options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(options);
        _client = client;
        _logger = logger;
        _options = options.Value;
    }

    /// <summary>Plans, and applies when <see cref="CloudflareOptions.Apply"/> is set, with the configured options.</summary>
    /// <param name="routes">The compiled routes, in rule order.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The plan and how the run ended.</returns>
    public Task<CloudflarePublishResult> RunAsync(
        IReadOnlyList<PublishedRoute> routes,
        CancellationToken cancellationToken) =>
        RunAsync(routes, _options, cancellationToken);

    /// <summary>Plans, and applies when <see cref="CloudflareOptions.Apply"/> is set.</summary>
    /// <param name="routes">The compiled routes, in rule order.</param>
    /// <param name="options">The settings of this run.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The plan and how the run ended.</returns>
    public async Task<CloudflarePublishResult> RunAsync(
        IReadOnlyList<PublishedRoute> routes,
        CloudflareOptions options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(options);

        using var activity = CloudflareTelemetry.Source.StartActivity("cloudflare.publish");
        activity?.SetTag("cloudflare.tunnel_id", options.TunnelId);
        activity?.SetTag("cloudflare.apply", options.Apply);
        activity?.SetTag("cloudflare.prune", options.Prune);
        activity?.SetTag("cloudflare.routes", routes.Count);
        var writesBefore = _client.WriteCalls;

        var problems = options.Validate().Concat(ValidateRoutes(routes)).ToList();
        if (problems.Count > 0)
        {
            return Finish(activity, Refuse(problems, []), writesBefore);
        }

        try
        {
            var tokenProblem = await VerifyTokenAsync(options, cancellationToken).ConfigureAwait(false);
            if (tokenProblem is not null)
            {
                return Finish(activity, Refuse([tokenProblem], []), writesBefore);
            }

            var needsAccess = NeedsAccess(routes, options);
            var (missing, zones) = await ProbeAsync(routes, options, needsAccess, cancellationToken).ConfigureAwait(false);
            if (missing.Count > 0)
            {
                var sentences = missing.Keys
                    .Select(permission => $"The API token lacks '{permission}'; add it to the token and run again.")
                    .ToList();
                return Finish(activity, Refuse(sentences, missing.Keys.ToList()), writesBefore);
            }

            var state = await ReadStateAsync(options, zones, needsAccess, cancellationToken).ConfigureAwait(false);
            var work = Plan(routes, options, state);
            if (!options.Apply)
            {
                CloudflareLog.PlanOnly(_logger);
                return Finish(activity, new CloudflarePublishResult(CloudflarePublishOutcome.Planned, work.Plan, [], []), writesBefore);
            }

            var applyProblems = await ApplyAsync(work, options, cancellationToken).ConfigureAwait(false);
            var outcome = applyProblems.Count == 0 ? CloudflarePublishOutcome.Applied : CloudflarePublishOutcome.PartiallyApplied;
            return Finish(activity, new CloudflarePublishResult(outcome, work.Plan, applyProblems, []), writesBefore);
        }
        catch (CloudflareApiException exception)
        {
            CloudflareLog.Failed(_logger, exception.Message);
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            return Finish(
                activity,
                new CloudflarePublishResult(CloudflarePublishOutcome.Failed, null, [exception.Message], []),
                writesBefore);
        }
    }

    private static IEnumerable<string> ValidateRoutes(IReadOnlyList<PublishedRoute> routes)
    {
        foreach (var route in routes)
        {
            if (string.IsNullOrWhiteSpace(route.Hostname))
            {
                yield return $"Route of resource '{route.ResourceName}' has no hostname; give it one.";
            }
            else if (route.Access is not (RouteAccess.Protected or RouteAccess.Public))
            {
                yield return $"Route '{route.Hostname}' of resource '{route.ResourceName}' is neither protected nor " +
                    "public; choose one explicitly.";
            }
        }
    }

    // Access is read when it is configured or needed, so that an owned application whose route
    // became public or left the model is reported (and pruned) even when no route is protected.
    private static bool NeedsAccess(IReadOnlyList<PublishedRoute> routes, CloudflareOptions options) =>
        options.Prune
        || options.AllowedEmails.Count > 0
        || !string.IsNullOrWhiteSpace(options.AccessPolicyName)
        || routes.Any(route => route.Access == RouteAccess.Protected);

    private CloudflarePublishResult Refuse(IReadOnlyList<string> problems, IReadOnlyList<string> missingPermissions)
    {
        foreach (var problem in problems)
        {
            CloudflareLog.Refused(_logger, problem);
        }

        return new CloudflarePublishResult(CloudflarePublishOutcome.Refused, null, problems, missingPermissions);
    }

    private CloudflarePublishResult Finish(Activity? activity, CloudflarePublishResult result, int writesBefore)
    {
        var finished = new CloudflarePublishResult(result.Outcome, result.Plan, result.Problems, result.MissingPermissions)
        {
            WriteCalls = _client.WriteCalls - writesBefore,
        };
        activity?.SetTag("cloudflare.outcome", finished.Outcome.ToString());
        activity?.SetTag("cloudflare.write_calls", finished.WriteCalls);
        if (!finished.Succeeded)
        {
            activity?.SetStatus(ActivityStatusCode.Error, string.Join(" ", finished.Problems));
        }

        CloudflareLog.Finished(_logger, finished.Outcome, finished.WriteCalls);
        return finished;
    }

    private async Task<string?> VerifyTokenAsync(CloudflareOptions options, CancellationToken cancellationToken)
    {
        using var activity = CloudflareTelemetry.Source.StartActivity("cloudflare.verify_token");
        JsonNode? result;
        try
        {
            result = await _client.GetAsync(options, "user/tokens/verify", cancellationToken).ConfigureAwait(false);
        }
        catch (CloudflareApiException userException) when (userException.StatusCode is not null and < HttpStatusCode.InternalServerError)
        {
            // Account-owned tokens are verified under the account rather than the user.
            try
            {
                result = await _client.GetAsync(options, $"accounts/{options.AccountId}/tokens/verify", cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (CloudflareApiException accountException) when (accountException.StatusCode is not null and < HttpStatusCode.InternalServerError)
            {
                activity?.SetStatus(ActivityStatusCode.Error, "The API token was rejected.");
                var reasons = string.Join("; ", userException.Errors.Select(error => $"[{error.Code}] {error.Message}"));
                return $"Cloudflare rejected the API token in 'Cloudflare:ApiToken' ({reasons}); create a new token " +
                    "and store it as the secret again.";
            }
        }

        var status = (result as JsonObject)?["status"]?.GetValue<string>() ?? "unknown";
        activity?.SetTag("cloudflare.token_status", status);
        if (status != "active")
        {
            activity?.SetStatus(ActivityStatusCode.Error, "The API token is not active.");
            return $"The API token in 'Cloudflare:ApiToken' is '{status}', not active; enable or replace it.";
        }

        CloudflareLog.TokenVerified(_logger, status);
        return null;
    }

    private async Task<(Dictionary<string, string> Missing, ZoneResolution Zones)> ProbeAsync(
        IReadOnlyList<PublishedRoute> routes,
        CloudflareOptions options,
        bool needsAccess,
        CancellationToken cancellationToken)
    {
        using var activity = CloudflareTelemetry.Source.StartActivity("cloudflare.probe_permissions");
        var missing = new Dictionary<string, string>(StringComparer.Ordinal);

        async Task ProbeAsync(string permission, Func<Task> read)
        {
            if (missing.ContainsKey(permission))
            {
                return;
            }

            try
            {
                await read().ConfigureAwait(false);
            }
            catch (CloudflareApiException exception) when (exception.IsPermissionDenied)
            {
                missing[permission] = exception.Message;
                CloudflareLog.PermissionMissing(_logger, permission, exception.Message);
            }
        }

        await ProbeAsync(
            CloudflarePermissions.TunnelEdit,
            () => _client.GetAsync(options, TunnelConfigurationPath(options), cancellationToken)).ConfigureAwait(false);

        var zones = new ZoneResolution();
        await ProbeAsync(
            CloudflarePermissions.ZoneRead,
            () => ResolveZonesAsync(routes, options, zones, cancellationToken)).ConfigureAwait(false);
        var firstZone = zones.ZoneByHostname.Values.FirstOrDefault() ?? zones.ConfiguredZone;
        if (firstZone is not null)
        {
            await ProbeAsync(
                CloudflarePermissions.DnsEdit,
                () => _client.GetAsync(options, $"zones/{firstZone.Id}/dns_records?per_page=5", cancellationToken))
                .ConfigureAwait(false);
        }

        if (needsAccess)
        {
            await ProbeAsync(
                CloudflarePermissions.AccessAppsAndPoliciesEdit,
                () => _client.GetAsync(options, $"accounts/{options.AccountId}/access/apps?per_page=5", cancellationToken))
                .ConfigureAwait(false);
            await ProbeAsync(
                CloudflarePermissions.AccessAppsAndPoliciesEdit,
                () => _client.GetAsync(options, $"accounts/{options.AccountId}/access/policies?per_page=5", cancellationToken))
                .ConfigureAwait(false);
            await ProbeAsync(
                CloudflarePermissions.AccessOrganizationsRead,
                () => ReadTeamNameAsync(options, cancellationToken)).ConfigureAwait(false);
        }

        activity?.SetTag("cloudflare.missing_permissions", string.Join(", ", missing.Keys));
        if (missing.Count > 0)
        {
            activity?.SetStatus(ActivityStatusCode.Error, "The API token lacks permissions.");
        }

        return (missing, zones);
    }

    private async Task ResolveZonesAsync(
        IReadOnlyList<PublishedRoute> routes,
        CloudflareOptions options,
        ZoneResolution zones,
        CancellationToken cancellationToken)
    {
        var hostnames = routes.Select(route => route.Hostname.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        if (!string.IsNullOrWhiteSpace(options.ZoneId))
        {
            var zone = await _client.GetAsync(options, $"zones/{options.ZoneId}", cancellationToken).ConfigureAwait(false);
            var name = (zone as JsonObject)?["name"]?.GetValue<string>() ?? string.Empty;
            zones.ConfiguredZone = new CloudflareZone(options.ZoneId, name);
            foreach (var hostname in hostnames)
            {
                if (hostname == name || hostname.EndsWith("." + name, StringComparison.OrdinalIgnoreCase))
                {
                    zones.ZoneByHostname[hostname] = zones.ConfiguredZone;
                }
                else
                {
                    zones.ProblemByHostname[hostname] = $"'{hostname}' is not in zone '{name}' of 'Cloudflare:ZoneId'; " +
                        "fix the hostname or leave 'Cloudflare:ZoneId' empty to look the zone up.";
                }
            }

            return;
        }

        var byName = new Dictionary<string, CloudflareZone?>(StringComparer.OrdinalIgnoreCase);
        foreach (var hostname in hostnames)
        {
            var labels = hostname.Split('.');
            for (var start = 0; start <= labels.Length - 2 && !zones.ZoneByHostname.ContainsKey(hostname); start++)
            {
                var candidate = string.Join('.', labels[start..]);
                if (!byName.TryGetValue(candidate, out var zone))
                {
                    var found = await _client.GetAsync(
                        options,
                        $"zones?name={Uri.EscapeDataString(candidate)}&account.id={Uri.EscapeDataString(options.AccountId)}",
                        cancellationToken).ConfigureAwait(false);
                    zone = (found as JsonArray)?.OfType<JsonObject>()
                        .Select(item => new CloudflareZone(CloudflarePlanner.Text(item, "id"), CloudflarePlanner.Text(item, "name")))
                        .FirstOrDefault();
                    byName[candidate] = zone;
                }

                if (zone is not null)
                {
                    zones.ZoneByHostname[hostname] = zone;
                }
            }

            if (!zones.ZoneByHostname.ContainsKey(hostname))
            {
                zones.ProblemByHostname[hostname] = $"No zone of account '{options.AccountId}' contains '{hostname}'; add " +
                    "the domain to Cloudflare, or set 'Cloudflare:ZoneId'.";
            }
        }
    }

    private async Task<string?> ReadTeamNameAsync(CloudflareOptions options, CancellationToken cancellationToken)
    {
        JsonNode? organization;
        try
        {
            organization = await _client.GetAsync(options, $"accounts/{options.AccountId}/access/organizations", cancellationToken)
                .ConfigureAwait(false);
        }
        catch (CloudflareApiException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        var authDomain = (organization as JsonObject)?["auth_domain"]?.GetValue<string>();
        if (string.IsNullOrWhiteSpace(authDomain))
        {
            return null;
        }

        var dot = authDomain.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? authDomain : authDomain[..dot];
    }

    private async Task<CloudflareState> ReadStateAsync(
        CloudflareOptions options,
        ZoneResolution zones,
        bool needsAccess,
        CancellationToken cancellationToken)
    {
        using var activity = CloudflareTelemetry.Source.StartActivity("cloudflare.read_state");
        var configuration = await _client.GetAsync(options, TunnelConfigurationPath(options), cancellationToken)
            .ConfigureAwait(false);
        var tunnelConfig = (configuration as JsonObject)?["config"]?.DeepClone() as JsonObject ?? [];
        var teamName = needsAccess ? await ReadTeamNameAsync(options, cancellationToken).ConfigureAwait(false) : null;
        var state = new CloudflareState { TunnelConfig = tunnelConfig, TeamName = teamName };
        foreach (var (hostname, zone) in zones.ZoneByHostname)
        {
            state.ZoneByHostname[hostname] = zone;
        }

        foreach (var (hostname, problem) in zones.ProblemByHostname)
        {
            state.ZoneProblemByHostname[hostname] = problem;
        }

        var zonesToRead = zones.ZoneByHostname.Values.Append(zones.ConfiguredZone)
            .OfType<CloudflareZone>()
            .DistinctBy(zone => zone.Id);
        foreach (var zone in zonesToRead)
        {
            var records = await _client.ListAsync(options, $"zones/{zone.Id}/dns_records", cancellationToken)
                .ConfigureAwait(false);
            state.DnsRecords.AddRange(records.Select(record => (zone, record)));
        }

        if (needsAccess)
        {
            var account = $"accounts/{options.AccountId}/access";
            state.AccessApplications.AddRange(
                await _client.ListAsync(options, $"{account}/apps", cancellationToken).ConfigureAwait(false));
            state.AccessPolicies.AddRange(
                await _client.ListAsync(options, $"{account}/policies", cancellationToken).ConfigureAwait(false));
            var tags = await _client.ListAsync(options, $"{account}/tags", cancellationToken).ConfigureAwait(false);
            state.AccessTags.UnionWith(tags.Select(tag => CloudflarePlanner.Text(tag, "name")));
        }

        activity?.SetTag("cloudflare.ingress_rules", (tunnelConfig["ingress"] as JsonArray)?.Count ?? 0);
        activity?.SetTag("cloudflare.dns_records", state.DnsRecords.Count);
        activity?.SetTag("cloudflare.access_applications", state.AccessApplications.Count);
        return state;
    }

    private PublishWork Plan(IReadOnlyList<PublishedRoute> routes, CloudflareOptions options, CloudflareState state)
    {
        using var activity = CloudflareTelemetry.Source.StartActivity("cloudflare.plan");
        var work = CloudflarePlanner.Plan(routes, options, state);
        var plan = work.Plan;
        foreach (var change in plan.Changes)
        {
            CloudflareLog.PlannedChange(_logger, change.Change, change.Item, change.Name, change.Detail);
            activity?.AddEvent(new ActivityEvent("plan.change", tags: new ActivityTagsCollection
            {
                ["change"] = change.Change.ToString(),
                ["item"] = change.Item.ToString(),
                ["name"] = change.Name,
                ["detail"] = change.Detail,
            }));
        }

        foreach (var conflict in plan.Conflicts)
        {
            CloudflareLog.Conflict(_logger, conflict.Item, conflict.Hostname, conflict.Reason);
            activity?.AddEvent(new ActivityEvent("plan.conflict", tags: new ActivityTagsCollection
            {
                ["item"] = conflict.Item.ToString(),
                ["hostname"] = conflict.Hostname,
                ["reason"] = conflict.Reason,
            }));
        }

        foreach (var withheld in plan.Withheld)
        {
            CloudflareLog.Withheld(_logger, withheld.Hostname, withheld.Reason);
            activity?.AddEvent(new ActivityEvent("plan.withheld", tags: new ActivityTagsCollection
            {
                ["hostname"] = withheld.Hostname,
                ["reason"] = withheld.Reason,
            }));
        }

        int Count(PlannedChangeKind kind) => plan.Changes.Count(change => change.Change == kind);
        var creates = Count(PlannedChangeKind.Create);
        var updates = Count(PlannedChangeKind.Update);
        var deletes = Count(PlannedChangeKind.Delete);
        var kept = Count(PlannedChangeKind.KeepUnpruned);
        CloudflareLog.PlanSummary(_logger, creates, updates, deletes, kept, plan.Conflicts.Count, plan.Withheld.Count);
        activity?.SetTag("cloudflare.plan.creates", creates);
        activity?.SetTag("cloudflare.plan.updates", updates);
        activity?.SetTag("cloudflare.plan.deletes", deletes);
        activity?.SetTag("cloudflare.plan.kept", kept);
        activity?.SetTag("cloudflare.plan.conflicts", plan.Conflicts.Count);
        activity?.SetTag("cloudflare.plan.withheld", plan.Withheld.Count);
        return work;
    }

    private async Task<List<string>> ApplyAsync(
        PublishWork work,
        CloudflareOptions options,
        CancellationToken cancellationToken)
    {
        using var activity = CloudflareTelemetry.Source.StartActivity("cloudflare.apply");
        var problems = new List<string>();
        var account = $"accounts/{options.AccountId}/access";

        void Withhold(HostnameWork hostname, string reason)
        {
            hostname.WithheldReason = reason;
            problems.Add($"'{hostname.Hostname}' was not published: {reason}");
            CloudflareLog.ApplyWithheld(_logger, hostname.Hostname, reason);
        }

        var needApplication = work.Hostnames
            .Where(hostname => hostname.WithheldReason is null && hostname.ApplicationChange is not null)
            .ToList();

        // Access first: a hostname gets DNS and a rule only once its application exists.
        if (work.CreateTag || work.WritePolicy)
        {
            try
            {
                if (work.CreateTag)
                {
                    await _client.WriteAsync(
                        options,
                        HttpMethod.Post,
                        $"{account}/tags",
                        new JsonObject { ["name"] = options.OwnershipTag },
                        cancellationToken).ConfigureAwait(false);
                    CloudflareLog.Applied(_logger, PlannedChangeKind.Create, CloudflareItemKind.AccessTag, options.OwnershipTag);
                }

                await WritePolicyAsync(work.Policy!, options, cancellationToken).ConfigureAwait(false);
            }
            catch (CloudflareApiException exception)
            {
                // Applications that already exist keep their policy and stay published.
                problems.Add($"The Access policy or tag could not be written: {exception.Message}");
                foreach (var hostname in needApplication)
                {
                    Withhold(hostname, $"Its Access policy or tag could not be written: {exception.Message}");
                }
            }
        }

        foreach (var hostname in needApplication.Where(hostname => hostname.WithheldReason is null))
        {
            try
            {
                var body = CloudflarePlanner.ApplicationBody(hostname.Hostname, options, work.Policy!.Id!);
                var result = hostname.ApplicationChange == PlannedChangeKind.Create
                    ? await _client.WriteAsync(options, HttpMethod.Post, $"{account}/apps", body, cancellationToken)
                        .ConfigureAwait(false)
                    : await _client.WriteAsync(
                        options,
                        HttpMethod.Put,
                        $"{account}/apps/{CloudflarePlanner.Text(hostname.OwnedApplication!, "id")}",
                        body,
                        cancellationToken).ConfigureAwait(false);
                var audience = (result as JsonObject)?["aud"]?.GetValue<string>();
                if (string.IsNullOrEmpty(audience))
                {
                    Withhold(hostname, "Cloudflare returned its Access application without an audience tag.");
                    continue;
                }

                hostname.Audience = audience;
                var applied = hostname.ApplicationChange!.Value;
                CloudflareLog.Applied(_logger, applied, CloudflareItemKind.AccessApplication, hostname.Hostname);
            }
            catch (CloudflareApiException exception)
            {
                Withhold(hostname, $"Its Access application could not be written: {exception.Message}");
            }
        }

        foreach (var hostname in work.Hostnames.Where(hostname => hostname.WithheldReason is null && hostname.RecordChange is not null))
        {
            try
            {
                var body = CloudflarePlanner.RecordBody(hostname.Hostname, options);
                var records = $"zones/{hostname.Zone!.Id}/dns_records";
                _ = hostname.RecordChange == PlannedChangeKind.Create
                    ? await _client.WriteAsync(options, HttpMethod.Post, records, body, cancellationToken).ConfigureAwait(false)
                    : await _client.WriteAsync(
                        options,
                        HttpMethod.Patch,
                        $"{records}/{CloudflarePlanner.Text(hostname.OwnedRecord!, "id")}",
                        body,
                        cancellationToken).ConfigureAwait(false);
                var applied = hostname.RecordChange!.Value;
                CloudflareLog.Applied(_logger, applied, CloudflareItemKind.DnsRecord, hostname.Hostname);
            }
            catch (CloudflareApiException exception)
            {
                Withhold(hostname, $"Its DNS record could not be written: {exception.Message}");
            }
        }

        var ingress = TunnelIngress.Build(work);
        if (TunnelIngress.NeedsWrite(work.CurrentConfig["ingress"], ingress))
        {
            var config = (JsonObject)work.CurrentConfig.DeepClone();
            config["ingress"] = ingress;
            await _client.WriteAsync(
                options,
                HttpMethod.Put,
                TunnelConfigurationPath(options),
                new JsonObject { ["config"] = config },
                cancellationToken).ConfigureAwait(false);
            CloudflareLog.Applied(_logger, PlannedChangeKind.Update, CloudflareItemKind.TunnelRule, "(ingress)");
        }

        // Deletions come last, once no rule sends traffic to the pruned hostnames any more.
        foreach (var (zone, record) in work.RecordsToDelete)
        {
            await _client.WriteAsync(
                options,
                HttpMethod.Delete,
                $"zones/{zone.Id}/dns_records/{CloudflarePlanner.Text(record, "id")}",
                null,
                cancellationToken).ConfigureAwait(false);
            var name = CloudflarePlanner.Text(record, "name");
            CloudflareLog.Applied(_logger, PlannedChangeKind.Delete, CloudflareItemKind.DnsRecord, name);
        }

        foreach (var application in work.ApplicationsToDelete)
        {
            await _client.WriteAsync(
                options,
                HttpMethod.Delete,
                $"{account}/apps/{CloudflarePlanner.Text(application, "id")}",
                null,
                cancellationToken).ConfigureAwait(false);
            var domain = CloudflarePlanner.Text(application, "domain");
            CloudflareLog.Applied(_logger, PlannedChangeKind.Delete, CloudflareItemKind.AccessApplication, domain);
        }

        activity?.SetTag("cloudflare.apply.problems", problems.Count);
        return problems;
    }

    private async Task WritePolicyAsync(PolicyWork policy, CloudflareOptions options, CancellationToken cancellationToken)
    {
        var path = $"accounts/{options.AccountId}/access/policies";
        if (policy.Change == PlannedChangeKind.Create)
        {
            var created = await _client.WriteAsync(
                options,
                HttpMethod.Post,
                path,
                CloudflarePlanner.PolicyBody(options, policy.Emails),
                cancellationToken).ConfigureAwait(false);
            policy.Id = (created as JsonObject)?["id"]?.GetValue<string>()
                ?? throw new CloudflareApiException("Cloudflare returned the new Access policy without an id.");
            CloudflareLog.Applied(_logger, PlannedChangeKind.Create, CloudflareItemKind.AccessPolicy, options.OwnedPolicyName);
        }
        else if (policy.Change == PlannedChangeKind.Update)
        {
            await _client.WriteAsync(
                options,
                HttpMethod.Put,
                $"{path}/{policy.Id}",
                CloudflarePlanner.PolicyBody(options, policy.Emails),
                cancellationToken).ConfigureAwait(false);
            CloudflareLog.Applied(_logger, PlannedChangeKind.Update, CloudflareItemKind.AccessPolicy, options.OwnedPolicyName);
        }
    }

    private static string TunnelConfigurationPath(CloudflareOptions options) =>
        $"accounts/{options.AccountId}/cfd_tunnel/{options.TunnelId}/configurations";
}
