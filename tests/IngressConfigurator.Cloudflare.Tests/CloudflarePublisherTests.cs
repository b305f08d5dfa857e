using System.Text.Json.Nodes;
using MediaStack.IngressConfigurator.Routes;

namespace MediaStack.IngressConfigurator.Cloudflare.Tests;

public sealed class CloudflarePublisherTests
{
    private const string Target = CloudflareApiStandIn.TunnelId + ".cfargotunnel.com";
    private const string OwnershipComment = "managed-by=mediastack owner=household";

    [Fact]
    public async Task PlanOnlyIsTheDefaultAndWritesNothing()
    {
        await using var standIn = await CloudflareApiStandIn.StartAsync(TestContext.Current.CancellationToken);
        var harness = new PublisherHarness(standIn);

        var result = await harness.RunAsync([PublisherHarness.Immich, PublisherHarness.Jellyfin], apply: false);

        Assert.Equal(CloudflarePublishOutcome.Planned, result.Outcome);
        Assert.Equal(0, standIn.WriteCalls);
        Assert.Null(standIn.TunnelConfig);
        Assert.Empty(standIn.DnsRecords);
        Assert.Equal(
            [
                "Create AccessTag mediastack-household",
                "Create AccessPolicy MediaStack allowed e-mails (household)",
                "Create AccessApplication immich.example.com",
                "Create DnsRecord immich.example.com",
                "Create DnsRecord jellyfin.example.com",
                "Create TunnelRule immich.example.com",
                "Create TunnelRule jellyfin.example.com",
            ],
            Describe(result.Plan!));
        Assert.StartsWith(
            "Create AccessTag 'mediastack-household': Creates the Access tag",
            result.Plan!.ToString(),
            StringComparison.Ordinal);
        Assert.Equal(7, result.Plan.ToString().Split(Environment.NewLine).Length);
        Assert.Contains("Plan only: nothing was written", harness.Logs.AllText, StringComparison.Ordinal);
        Assert.Contains("Plan: Create DnsRecord 'jellyfin.example.com'", harness.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FirstApplyFromAnEmptyAccountPublishesAccessThenDnsThenRules()
    {
        await using var standIn = await CloudflareApiStandIn.StartAsync(TestContext.Current.CancellationToken);
        var harness = new PublisherHarness(standIn);

        var result = await harness.RunAsync([PublisherHarness.Immich, PublisherHarness.Jellyfin], apply: true);

        Assert.Equal(CloudflarePublishOutcome.Applied, result.Outcome);
        Assert.Empty(result.Problems);
        Assert.Equal(7, result.Plan!.Changes.Count);

        var application = Assert.Single(standIn.Applications);
        Assert.Equal("immich.example.com", (string?)application["domain"]);
        Assert.Equal("self_hosted", (string?)application["type"]);
        Assert.Equal(["mediastack-household"], application["tags"]!.AsArray().Select(tag => (string?)tag));
        var policy = Assert.Single(standIn.Policies);
        Assert.Equal("allow", (string?)policy["decision"]);
        Assert.Equal(
            ["ann@example.org", "bob@example.org"],
            policy["include"]!.AsArray().Select(rule => (string?)rule!["email"]!["email"]));
        Assert.Equal((string?)policy["id"], (string?)application["policies"]![0]!["id"]);

        foreach (var hostname in new[] { "immich.example.com", "jellyfin.example.com" })
        {
            var record = harness.RecordNamed(hostname)!;
            Assert.Equal("CNAME", (string?)record["type"]);
            Assert.Equal(Target, (string?)record["content"]);
            Assert.True((bool)record["proxied"]!);
            Assert.Equal(OwnershipComment, (string?)record["comment"]);
        }

        var expectedIngress = new JsonArray(
            new JsonObject
            {
                ["hostname"] = "immich.example.com",
                ["service"] = "http://immich-server:2283",
                ["originRequest"] = new JsonObject
                {
                    ["access"] = new JsonObject
                    {
                        ["required"] = true,
                        ["teamName"] = "household",
                        ["audTag"] = new JsonArray((string?)application["aud"]),
                    },
                },
            },
            new JsonObject
            {
                ["hostname"] = "jellyfin.example.com",
                ["service"] = "http://host.docker.internal:8096",
                ["originRequest"] = new JsonObject { ["connectTimeout"] = 30 },
            },
            new JsonObject { ["service"] = "http_status:404" });
        Assert.True(JsonNode.DeepEquals(expectedIngress, standIn.Ingress()), standIn.Ingress().ToJsonString());

        var writes = standIn.Requests.Where(request => request.Method != "GET").ToList();
        var lastAccessWrite = writes.FindLastIndex(request => request.Path.Contains("/access/", StringComparison.Ordinal));
        var firstDnsWrite = writes.FindIndex(request => request.Path.EndsWith("/dns_records", StringComparison.Ordinal));
        var lastDnsWrite = writes.FindLastIndex(request => request.Path.EndsWith("/dns_records", StringComparison.Ordinal));
        var tunnelWrite = writes.FindIndex(request => request.Path.EndsWith("/configurations", StringComparison.Ordinal));
        Assert.True(lastAccessWrite < firstDnsWrite && lastDnsWrite < tunnelWrite, string.Join(", ", writes));
        Assert.Equal(6, result.WriteCalls);
    }

    [Fact]
    public async Task ApplyingAnUnchangedModelAgainMakesNoWriteCalls()
    {
        await using var standIn = await CloudflareApiStandIn.StartAsync(TestContext.Current.CancellationToken);
        for (var index = 0; index < 7; index++)
        {
            standIn.AddDnsRecord("A", $"host{index}.example.com", "192.0.2.10", null);
            standIn.Applications.Add(new JsonObject
            {
                ["id"] = $"app-{index}",
                ["name"] = $"Host {index}",
                ["domain"] = $"host{index}.example.com",
                ["type"] = "self_hosted",
                ["aud"] = $"aud-{index}",
            });
        }

        var harness = new PublisherHarness(standIn);
        await harness.RunAsync([PublisherHarness.Immich, PublisherHarness.Jellyfin], apply: true);
        var writesAfterFirstRun = standIn.WriteCalls;

        var second = await harness.RunAsync([PublisherHarness.Immich, PublisherHarness.Jellyfin], apply: true);

        Assert.Equal(CloudflarePublishOutcome.Applied, second.Outcome);
        Assert.Empty(second.Plan!.Changes);
        Assert.Equal("No changes.", second.Plan.ToString());
        Assert.Empty(second.Plan.Conflicts);
        Assert.Equal(0, second.WriteCalls);
        Assert.Equal(writesAfterFirstRun, standIn.WriteCalls);
        Assert.Contains(
            standIn.Requests,
            request => request.Path.EndsWith("/dns_records", StringComparison.Ordinal) && request.Status == 200);
        Assert.Equal(9, standIn.DnsRecords.Count);
        Assert.Equal(8, standIn.Applications.Count);
        Assert.Contains(standIn.Requests, request => request.Path.EndsWith("/access/apps", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ForeignDnsRecordsAndRulesAreLeftAloneAndReportedAsConflicts()
    {
        await using var standIn = await CloudflareApiStandIn.StartAsync(TestContext.Current.CancellationToken);
        standIn.AddDnsRecord("A", "photos.example.com", "192.0.2.7", "added by hand");
        standIn.TunnelConfig = new JsonObject
        {
            ["ingress"] = new JsonArray(
                new JsonObject { ["hostname"] = "nas.example.com", ["service"] = "http://192.168.1.5:5000" },
                new JsonObject
                {
                    ["hostname"] = "legacy.example.com",
                    ["service"] = "http://192.168.1.6:80",
                    ["originRequest"] = new JsonObject { ["noTLSVerify"] = true },
                },
                new JsonObject { ["service"] = "http_status:503" }),
        };
        var foreignRules = standIn.Ingress().Take(2).Select(rule => rule!.DeepClone()).ToList();
        var harness = new PublisherHarness(standIn);
        PublishedRoute[] routes =
        [
            PublisherHarness.Jellyfin,
            new("photos", "photos.example.com", null, "http://photos:80", RouteAccess.Public),
            new("legacy", "legacy.example.com", null, "http://legacy:80", RouteAccess.Public),
        ];

        var result = await harness.RunAsync(routes, apply: true);

        Assert.Equal(CloudflarePublishOutcome.Applied, result.Outcome);
        Assert.Equal(
            [(CloudflareItemKind.DnsRecord, "photos.example.com"), (CloudflareItemKind.TunnelRule, "legacy.example.com")],
            result.Plan!.Conflicts.Select(conflict => (conflict.Item, conflict.Hostname)));
        Assert.Contains("'192.0.2.7'", result.Plan.Conflicts[0].Reason, StringComparison.Ordinal);
        Assert.Contains("'http://192.168.1.6:80'", result.Plan.Conflicts[1].Reason, StringComparison.Ordinal);
        Assert.Equal(["photos.example.com", "legacy.example.com"], result.Plan.Withheld.Select(item => item.Hostname));
        Assert.Equal(
            ["Create DnsRecord jellyfin.example.com", "Create TunnelRule jellyfin.example.com"],
            Describe(result.Plan));

        var photos = harness.RecordNamed("photos.example.com")!;
        Assert.Equal("A", (string?)photos["type"]);
        Assert.Equal("192.0.2.7", (string?)photos["content"]);
        Assert.Equal("added by hand", (string?)photos["comment"]);
        Assert.Null(harness.RecordNamed("legacy.example.com"));
        var ingress = standIn.Ingress();
        Assert.Equal(4, ingress.Count);
        Assert.True(JsonNode.DeepEquals(foreignRules[0], ingress[0]));
        Assert.True(JsonNode.DeepEquals(foreignRules[1], ingress[1]));
        Assert.Equal("jellyfin.example.com", (string?)ingress[2]!["hostname"]);
        Assert.Equal("http_status:503", (string?)ingress[3]!["service"]);
        Assert.Contains("Plan: conflict on DnsRecord for 'photos.example.com'", harness.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemovedRouteIsKeptWhilePruningIsOff()
    {
        await using var standIn = await CloudflareApiStandIn.StartAsync(TestContext.Current.CancellationToken);
        var harness = new PublisherHarness(standIn);
        await harness.RunAsync([PublisherHarness.Immich, PublisherHarness.Jellyfin], apply: true);
        var writesBefore = standIn.WriteCalls;

        var result = await harness.RunAsync([PublisherHarness.Jellyfin], apply: true);

        Assert.Equal(CloudflarePublishOutcome.Applied, result.Outcome);
        Assert.Equal(
            ["KeepUnpruned TunnelRule immich.example.com", "KeepUnpruned DnsRecord immich.example.com", "KeepUnpruned AccessApplication immich.example.com"],
            Describe(result.Plan!));
        Assert.All(result.Plan!.Changes, change => Assert.Contains("'Cloudflare:Prune'", change.Detail, StringComparison.Ordinal));
        Assert.Equal(writesBefore, standIn.WriteCalls);
        Assert.NotNull(harness.RecordNamed("immich.example.com"));
        Assert.NotNull(harness.RuleFor("immich.example.com"));
        Assert.Single(standIn.Applications);
    }

    [Fact]
    public async Task RemovedRouteIsDeletedWithPruningAndForeignItemsSurvive()
    {
        await using var standIn = await CloudflareApiStandIn.StartAsync(TestContext.Current.CancellationToken);
        standIn.AddDnsRecord("CNAME", "old.example.com", Target, "someone else's");
        var harness = new PublisherHarness(standIn);
        await harness.RunAsync([PublisherHarness.Immich, PublisherHarness.Jellyfin], apply: true);
        standIn.Ingress().Insert(0, new JsonObject { ["hostname"] = "old.example.com", ["service"] = "http://old:80" });

        var planned = await harness.RunAsync([PublisherHarness.Jellyfin], apply: false, prune: true);
        var applied = await harness.RunAsync([PublisherHarness.Jellyfin], apply: true, prune: true);

        string[] expected =
        [
            "Delete TunnelRule immich.example.com",
            "Delete DnsRecord immich.example.com",
            "Delete AccessApplication immich.example.com",
        ];
        Assert.Equal(expected, Describe(planned.Plan!));
        Assert.Equal(expected, Describe(applied.Plan!));
        Assert.Equal(CloudflarePublishOutcome.Applied, applied.Outcome);
        Assert.Equal(3, applied.WriteCalls);
        Assert.Null(harness.RecordNamed("immich.example.com"));
        Assert.Null(harness.RuleFor("immich.example.com"));
        Assert.Empty(standIn.Applications);
        Assert.NotNull(harness.RecordNamed("old.example.com"));
        Assert.NotNull(harness.RuleFor("old.example.com"));
        Assert.NotNull(harness.RuleFor("jellyfin.example.com"));
        var writes = standIn.Requests.Where(request => request.Method == "DELETE" || request.Method == "PUT").TakeLast(3).ToList();
        Assert.Equal(["PUT", "DELETE", "DELETE"], writes.Select(request => request.Method));
    }

    [Fact]
    public async Task AccessApplicationThatCannotBeCreatedLeavesItsHostnameUnpublished()
    {
        await using var standIn = await CloudflareApiStandIn.StartAsync(TestContext.Current.CancellationToken);
        standIn.RejectedApplicationDomains.Add("immich.example.com");
        var harness = new PublisherHarness(standIn);

        var result = await harness.RunAsync([PublisherHarness.Immich, PublisherHarness.Jellyfin], apply: true);

        Assert.Equal(CloudflarePublishOutcome.PartiallyApplied, result.Outcome);
        Assert.Contains("Create AccessApplication immich.example.com", Describe(result.Plan!));
        var problem = Assert.Single(result.Problems);
        Assert.Contains("'immich.example.com' was not published", problem, StringComparison.Ordinal);
        Assert.Contains("[12130]", problem, StringComparison.Ordinal);
        Assert.Empty(standIn.Applications);
        Assert.Null(harness.RecordNamed("immich.example.com"));
        Assert.Null(harness.RuleFor("immich.example.com"));
        Assert.NotNull(harness.RecordNamed("jellyfin.example.com"));
        Assert.NotNull(harness.RuleFor("jellyfin.example.com"));

        standIn.RejectedApplicationDomains.Clear();
        var retried = await harness.RunAsync([PublisherHarness.Immich, PublisherHarness.Jellyfin], apply: true);

        Assert.Equal(CloudflarePublishOutcome.Applied, retried.Outcome);
        Assert.Equal(
            ["Create AccessApplication immich.example.com", "Create DnsRecord immich.example.com", "Create TunnelRule immich.example.com"],
            Describe(retried.Plan!));
        Assert.NotNull(harness.RuleFor("immich.example.com"));
    }

    [Fact]
    public async Task UnknownAccessPolicyNameWithholdsProtectedHostnamesInThePlan()
    {
        await using var standIn = await CloudflareApiStandIn.StartAsync(TestContext.Current.CancellationToken);
        var harness = new PublisherHarness(standIn);
        harness.Settings["Cloudflare:AccessPolicyName"] = "Family";

        var result = await harness.RunAsync([PublisherHarness.Immich, PublisherHarness.Jellyfin], apply: true);

        Assert.Equal(CloudflarePublishOutcome.Applied, result.Outcome);
        var withheld = Assert.Single(result.Plan!.Withheld);
        Assert.Equal("immich.example.com", withheld.Hostname);
        Assert.Contains("'Family'", withheld.Reason, StringComparison.Ordinal);
        Assert.Equal(["Create DnsRecord jellyfin.example.com", "Create TunnelRule jellyfin.example.com"], Describe(result.Plan));
        Assert.Null(harness.RecordNamed("immich.example.com"));
        Assert.Null(harness.RuleFor("immich.example.com"));
        Assert.Contains("Plan: 'immich.example.com' is not published.", harness.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExistingPolicyNameIsReferencedInsteadOfCreatingOne()
    {
        await using var standIn = await CloudflareApiStandIn.StartAsync(TestContext.Current.CancellationToken);
        standIn.Policies.Add(new JsonObject { ["id"] = "family-policy", ["name"] = "Family", ["decision"] = "allow" });
        var harness = new PublisherHarness(standIn);
        harness.Settings["Cloudflare:AccessPolicyName"] = "Family";

        var result = await harness.RunAsync([PublisherHarness.Immich], apply: true);

        Assert.Equal(CloudflarePublishOutcome.Applied, result.Outcome);
        Assert.Single(standIn.Policies);
        var application = Assert.Single(standIn.Applications);
        Assert.Equal("family-policy", (string?)application["policies"]![0]!["id"]);
        Assert.NotNull(harness.RuleFor("immich.example.com"));
    }

    [Fact]
    public async Task ChangedAllowedEmailsUpdateOnlyThePolicy()
    {
        await using var standIn = await CloudflareApiStandIn.StartAsync(TestContext.Current.CancellationToken);
        var harness = new PublisherHarness(standIn);
        await harness.RunAsync([PublisherHarness.Immich], apply: true);
        harness.Settings["Cloudflare:AllowedEmails"] = "ann@example.org, cleo@example.org";

        var result = await harness.RunAsync([PublisherHarness.Immich], apply: true);

        Assert.Equal(CloudflarePublishOutcome.Applied, result.Outcome);
        Assert.Equal(["Update AccessPolicy MediaStack allowed e-mails (household)"], Describe(result.Plan!));
        Assert.Equal(1, result.WriteCalls);
        Assert.Equal(
            ["ann@example.org", "cleo@example.org"],
            Assert.Single(standIn.Policies)["include"]!.AsArray().Select(rule => (string?)rule!["email"]!["email"]));
    }

    [Fact]
    public async Task ForeignAccessApplicationIsAConflictAndItsHostnameIsNotPublished()
    {
        await using var standIn = await CloudflareApiStandIn.StartAsync(TestContext.Current.CancellationToken);
        standIn.Applications.Add(new JsonObject
        {
            ["id"] = "hand-made",
            ["name"] = "Photos",
            ["domain"] = "photos.example.com",
            ["self_hosted_domains"] = new JsonArray("photos.example.com", "immich.example.com/share"),
            ["type"] = "self_hosted",
            ["aud"] = "abc",
            ["tags"] = new JsonArray(),
        });
        var harness = new PublisherHarness(standIn);

        var result = await harness.RunAsync([PublisherHarness.Immich, PublisherHarness.Jellyfin], apply: true);

        var conflict = Assert.Single(result.Plan!.Conflicts);
        Assert.Equal(CloudflareItemKind.AccessApplication, conflict.Item);
        Assert.Contains("'Photos'", conflict.Reason, StringComparison.Ordinal);
        Assert.Equal(["Create DnsRecord jellyfin.example.com", "Create TunnelRule jellyfin.example.com"], Describe(result.Plan));
        Assert.Equal("Photos", (string?)Assert.Single(standIn.Applications)["name"]);
        Assert.Null(harness.RecordNamed("immich.example.com"));
        Assert.Null(harness.RuleFor("immich.example.com"));
    }

    [Fact]
    public async Task OwnedRecordPointingElsewhereIsUpdatedInPlace()
    {
        await using var standIn = await CloudflareApiStandIn.StartAsync(TestContext.Current.CancellationToken);
        var record = standIn.AddDnsRecord("CNAME", "jellyfin.example.com", "old-tunnel.cfargotunnel.com", OwnershipComment, proxied: false);
        var harness = new PublisherHarness(standIn);

        var result = await harness.RunAsync([PublisherHarness.Jellyfin], apply: true);

        Assert.Equal(["Update DnsRecord jellyfin.example.com", "Create TunnelRule jellyfin.example.com"], Describe(result.Plan!));
        var updated = Assert.Single(standIn.DnsRecords);
        Assert.Equal((string?)record["id"], (string?)updated["id"]);
        Assert.Equal(Target, (string?)updated["content"]);
        Assert.True((bool)updated["proxied"]!);
        Assert.Contains(standIn.Requests, request => request.Method == "PATCH");
    }

    [Fact]
    public async Task ConfiguredZoneIsUsedAndHostnamesOutsideItAreNotPublished()
    {
        await using var standIn = await CloudflareApiStandIn.StartAsync(TestContext.Current.CancellationToken);
        var harness = new PublisherHarness(standIn);
        harness.Settings["Cloudflare:ZoneId"] = CloudflareApiStandIn.ZoneId;
        PublishedRoute[] routes =
        [
            PublisherHarness.Jellyfin,
            new("blog", "blog.example.net", null, "http://blog:80", RouteAccess.Public),
        ];

        var result = await harness.RunAsync(routes, apply: true);

        var withheld = Assert.Single(result.Plan!.Withheld);
        Assert.Equal("blog.example.net", withheld.Hostname);
        Assert.Contains("'Cloudflare:ZoneId'", withheld.Reason, StringComparison.Ordinal);
        Assert.NotNull(harness.RuleFor("jellyfin.example.com"));
        Assert.Null(harness.RuleFor("blog.example.net"));
        Assert.DoesNotContain(standIn.Requests, request => request.Path == "/client/v4/zones");
    }

    [Fact]
    public async Task HostnameWithoutAZoneInTheAccountIsNotPublished()
    {
        await using var standIn = await CloudflareApiStandIn.StartAsync(TestContext.Current.CancellationToken);
        var harness = new PublisherHarness(standIn);
        PublishedRoute[] routes = [new("blog", "blog.example.net", null, "http://blog:80", RouteAccess.Public)];

        var result = await harness.RunAsync(routes, apply: true);

        Assert.Equal("blog.example.net", Assert.Single(result.Plan!.Withheld).Hostname);
        Assert.Empty(result.Plan.Changes);
        Assert.Equal(0, result.WriteCalls);
    }

    [Fact]
    public async Task RouteThatBecomesProtectedLosesItsRuleWhenAccessFails()
    {
        await using var standIn = await CloudflareApiStandIn.StartAsync(TestContext.Current.CancellationToken);
        var harness = new PublisherHarness(standIn);
        await harness.RunAsync([PublisherHarness.Jellyfin], apply: true);
        Assert.NotNull(harness.RuleFor("jellyfin.example.com"));
        standIn.RejectedApplicationDomains.Add("jellyfin.example.com");
        var nowProtected = PublisherHarness.Jellyfin with { Access = RouteAccess.Protected };

        var result = await harness.RunAsync([nowProtected], apply: true);

        Assert.Equal(CloudflarePublishOutcome.PartiallyApplied, result.Outcome);
        Assert.Contains("Update TunnelRule jellyfin.example.com", Describe(result.Plan!));
        Assert.Contains("Its Access application could not be written", Assert.Single(result.Problems), StringComparison.Ordinal);
        Assert.Null(harness.RuleFor("jellyfin.example.com"));
        Assert.Equal("http_status:404", (string?)Assert.Single(standIn.Ingress())!["service"]);
    }

    private static List<string> Describe(CloudflarePlan plan) =>
        plan.Changes.Select(change => $"{change.Change} {change.Item} {change.Name}").ToList();
}
