namespace MediaStack.IngressConfigurator.Cloudflare.Tests;

public sealed class CloudflarePermissionTests
{
    [Fact]
    public async Task MissingPermissionsAreReportedByNameBeforeAnyWrite()
    {
        await using var standIn = await CloudflareApiStandIn.StartAsync(TestContext.Current.CancellationToken);
        standIn.DeniedGroups.Add("DNS");
        standIn.DeniedGroups.Add("Organizations");
        var harness = new PublisherHarness(standIn);

        var result = await harness.RunAsync([PublisherHarness.Immich, PublisherHarness.Jellyfin], apply: true);

        Assert.Equal(CloudflarePublishOutcome.Refused, result.Outcome);
        Assert.Null(result.Plan);
        Assert.Equal(
            ["Zone: DNS Edit", "Access: Organizations, Identity Providers, and Groups Read"],
            result.MissingPermissions);
        Assert.Contains(result.Problems, problem => problem.Contains("'Zone: DNS Edit'", StringComparison.Ordinal));
        Assert.Equal(0, standIn.WriteCalls);
        Assert.Contains(
            "lacks the permission 'Access: Organizations, Identity Providers, and Groups Read'",
            harness.Logs.AllText,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingTunnelPermissionIsReportedByName()
    {
        await using var standIn = await CloudflareApiStandIn.StartAsync(TestContext.Current.CancellationToken);
        standIn.DeniedGroups.Add("Tunnel");
        standIn.DeniedGroups.Add("Zone");
        var harness = new PublisherHarness(standIn);

        var result = await harness.RunAsync([PublisherHarness.Jellyfin], apply: true);

        Assert.Equal(CloudflarePublishOutcome.Refused, result.Outcome);
        Assert.Equal(["Account: Cloudflare Tunnel Edit", "Zone: Zone Read"], result.MissingPermissions);
        Assert.Equal(0, standIn.WriteCalls);
    }

    [Fact]
    public async Task RejectedTokenStopsTheRunBeforeAnyOtherCall()
    {
        await using var standIn = await CloudflareApiStandIn.StartAsync(TestContext.Current.CancellationToken);
        var harness = new PublisherHarness(standIn);
        harness.Settings["Cloudflare:ApiToken"] = "revoked-token-value";

        var result = await harness.RunAsync([PublisherHarness.Jellyfin], apply: true);

        Assert.Equal(CloudflarePublishOutcome.Refused, result.Outcome);
        var problem = Assert.Single(result.Problems);
        Assert.Contains("'Cloudflare:ApiToken'", problem, StringComparison.Ordinal);
        Assert.Contains("[1000] Invalid API Token", problem, StringComparison.Ordinal);
        Assert.All(standIn.Requests, request => Assert.EndsWith("/tokens/verify", request.Path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AccountOwnedTokenIsVerifiedUnderTheAccount()
    {
        await using var standIn = await CloudflareApiStandIn.StartAsync(TestContext.Current.CancellationToken);
        standIn.AccountOwnedToken = true;
        var harness = new PublisherHarness(standIn);

        var result = await harness.RunAsync([PublisherHarness.Jellyfin], apply: false);

        Assert.Equal(CloudflarePublishOutcome.Planned, result.Outcome);
        Assert.Contains(
            standIn.Requests,
            request => request.Path == $"/client/v4/accounts/{CloudflareApiStandIn.AccountId}/tokens/verify" && request.Status == 200);
    }

    [Fact]
    public async Task MissingSettingsAreNamedByKeyWithoutCallingCloudflare()
    {
        await using var standIn = await CloudflareApiStandIn.StartAsync(TestContext.Current.CancellationToken);
        var harness = new PublisherHarness(standIn);
        harness.Settings["Cloudflare:TunnelId"] = "";
        harness.Settings["Cloudflare:OwnerId"] = null;

        var result = await harness.RunAsync([PublisherHarness.Jellyfin], apply: true);

        Assert.Equal(CloudflarePublishOutcome.Refused, result.Outcome);
        Assert.Contains(result.Problems, problem => problem.StartsWith("'Cloudflare:TunnelId' is empty", StringComparison.Ordinal));
        Assert.Contains(result.Problems, problem => problem.StartsWith("'Cloudflare:OwnerId' is empty", StringComparison.Ordinal));
        Assert.Empty(standIn.Requests);
    }
}
