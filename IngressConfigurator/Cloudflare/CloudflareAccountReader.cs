using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace MediaStack.IngressConfigurator.Cloudflare;

/// <summary>
/// Reads the account for a publishing run: verifies the token, probes each permission with a read
/// call, resolves zones and reads tunnel rules, DNS records and Access.
/// </summary>
internal sealed class CloudflareAccountReader
{
    private readonly CloudflareApiClient _client;
    private readonly ILogger _logger;

    public CloudflareAccountReader(CloudflareApiClient client, ILogger logger)
    {
        _client = client;
        _logger = logger;
    }

    public async Task<string?> VerifyTokenAsync(CloudflareOptions options, CancellationToken cancellationToken)
    {
        using var activity = CloudflareTelemetry.Source.StartActivity("cloudflare.verify_token");
        JsonNode? result;
        try
        {
            result = await _client.GetAsync(options, "user/tokens/verify", cancellationToken).ConfigureAwait(false);
        }
        catch (CloudflareApiException userException) when (IsClientError(userException))
        {
            // Account-owned tokens are verified under the account rather than the user.
            try
            {
                var accountVerify = $"accounts/{options.AccountId}/tokens/verify";
                result = await _client.GetAsync(options, accountVerify, cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (CloudflareApiException accountException) when (IsClientError(accountException))
            {
                activity?.SetStatus(ActivityStatusCode.Error, "The API token was rejected.");
                var reasons = string.Join(
                    "; ",
                    userException.Errors.Select(error => $"[{error.Code}] {error.Message}"));
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

    public async Task<(Dictionary<string, string> Missing, ZoneResolution Zones)> ProbeAsync(
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
            () => _client.GetAsync(options, CloudflarePublishPaths.TunnelConfiguration(options), cancellationToken))
            .ConfigureAwait(false);

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
        var hostnames = routes.Select(route => route.Hostname.ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .ToList();
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
                        .Select(item => new CloudflareZone(
                            CloudflarePlanner.Text(item, "id"),
                            CloudflarePlanner.Text(item, "name")))
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

    public async Task<CloudflareState> ReadStateAsync(
        CloudflareOptions options,
        ZoneResolution zones,
        bool needsAccess,
        CancellationToken cancellationToken)
    {
        using var activity = CloudflareTelemetry.Source.StartActivity("cloudflare.read_state");
        var configuration = await _client.GetAsync(options, CloudflarePublishPaths.TunnelConfiguration(options), cancellationToken)
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

        // Only zones of the model's hostnames (and the configured zone) are read, so owned records
        // in a zone the model no longer mentions are neither reported nor pruned; setting
        // 'Cloudflare:ZoneId' keeps that zone in view.
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

    private static bool IsClientError(CloudflareApiException exception) =>
        exception.StatusCode is not null and < HttpStatusCode.InternalServerError;
}
