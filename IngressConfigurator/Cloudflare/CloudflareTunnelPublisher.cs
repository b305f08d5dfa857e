using System.Diagnostics;
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
    private readonly CloudflareAccountReader _reader;
    private readonly CloudflarePlanApplier _applier;

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
        _reader = new CloudflareAccountReader(client, logger);
        _applier = new CloudflarePlanApplier(client, logger);
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
            var tokenProblem = await _reader.VerifyTokenAsync(options, cancellationToken).ConfigureAwait(false);
            if (tokenProblem is not null)
            {
                return Finish(activity, Refuse([tokenProblem], []), writesBefore);
            }

            var needsAccess = NeedsAccess(routes, options);
            var (missing, zones) = await _reader.ProbeAsync(routes, options, needsAccess, cancellationToken)
                .ConfigureAwait(false);
            if (missing.Count > 0)
            {
                var sentences = missing.Keys
                    .Select(permission => $"The API token lacks '{permission}'; add it to the token and run again.")
                    .ToList();
                return Finish(activity, Refuse(sentences, missing.Keys.ToList()), writesBefore);
            }

            var state = await _reader.ReadStateAsync(options, zones, needsAccess, cancellationToken)
                .ConfigureAwait(false);
            var work = Plan(routes, options, state);
            if (!options.Apply)
            {
                CloudflareLog.PlanOnly(_logger);
                var planned = new CloudflarePublishResult(CloudflarePublishOutcome.Planned, work.Plan, [], []);
                return Finish(activity, planned, writesBefore);
            }

            var applyProblems = await _applier.ApplyAsync(work, options, cancellationToken).ConfigureAwait(false);
            var outcome = applyProblems.Count == 0
                ? CloudflarePublishOutcome.Applied
                : CloudflarePublishOutcome.PartiallyApplied;
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
}
