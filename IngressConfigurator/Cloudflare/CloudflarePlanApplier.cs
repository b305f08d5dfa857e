using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace MediaStack.IngressConfigurator.Cloudflare;

/// <summary>
/// Applies a plan in the order that never half-publishes a hostname: Access, then DNS, then the
/// tunnel configuration, then deletions.
/// </summary>
internal sealed class CloudflarePlanApplier
{
    private readonly CloudflareApiClient _client;
    private readonly ILogger _logger;

    public CloudflarePlanApplier(CloudflareApiClient client, ILogger logger)
    {
        _client = client;
        _logger = logger;
    }

    public async Task<List<string>> ApplyAsync(
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

        var needRecord = work.Hostnames
            .Where(hostname => hostname.WithheldReason is null && hostname.RecordChange is not null);
        foreach (var hostname in needRecord)
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
                CloudflarePublishPaths.TunnelConfiguration(options),
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

    private async Task WritePolicyAsync(
        PolicyWork policy,
        CloudflareOptions options,
        CancellationToken cancellationToken)
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
}
