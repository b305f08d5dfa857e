namespace MediaStack.IngressConfigurator.Cloudflare.Tests;

public sealed class CloudflareResilienceTests
{
    [Fact]
    public async Task TransientFaultsAreRetriedUntilTheRunSucceeds()
    {
        await using var standIn = await CloudflareApiStandIn.StartAsync(TestContext.Current.CancellationToken);
        standIn.Faults.Add(new StandInFault
        {
            Method = "POST",
            PathSuffix = "/dns_records",
            StatusCode = 429,
            ErrorCode = 10000,
            ErrorMessage = "Rate limited. Please wait and consider throttling your request speed",
            RetryAfterSeconds = 1,
        });
        standIn.Faults.Add(new StandInFault { Method = "GET", PathSuffix = "/dns_records", StatusCode = 503, Times = 2 });
        standIn.Faults.Add(new StandInFault { Method = "PUT", PathSuffix = "/configurations", StatusCode = 502 });
        standIn.Faults.Add(new StandInFault { Method = "GET", PathSuffix = "/access/apps", Delay = TimeSpan.FromSeconds(5) });
        var harness = new PublisherHarness(standIn);

        var result = await harness.RunAsync([PublisherHarness.Immich, PublisherHarness.Jellyfin], apply: true);

        Assert.Equal(CloudflarePublishOutcome.Applied, result.Outcome);
        Assert.NotNull(harness.RuleFor("immich.example.com"));
        Assert.NotNull(harness.RecordNamed("jellyfin.example.com"));
        Assert.All(standIn.Faults, fault => Assert.Equal(0, fault.Times));

        var requests = standIn.Requests.ToList();
        var limited = requests.First(request => request.Status == 429);
        var retry = requests.First(request => request.At > limited.At && request.Method == "POST" && request.Path.EndsWith("/dns_records", StringComparison.Ordinal));
        Assert.True(retry.At - limited.At >= TimeSpan.FromMilliseconds(900), $"Retried after {retry.At - limited.At}.");
        Assert.Equal(2, requests.Count(request => request.Method == "PUT"));
        Assert.Contains(requests, request => request.Status == 499 && request.Path.EndsWith("/access/apps", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ClientErrorsOtherThan429AreNotRetried()
    {
        await using var standIn = await CloudflareApiStandIn.StartAsync(TestContext.Current.CancellationToken);
        standIn.Faults.Add(new StandInFault
        {
            Method = "PUT",
            PathSuffix = "/configurations",
            StatusCode = 400,
            ErrorCode = 1056,
            ErrorMessage = "Bad Configuration: ingress rule has an invalid service",
            Times = 5,
        });
        var harness = new PublisherHarness(standIn);

        var result = await harness.RunAsync([PublisherHarness.Jellyfin], apply: true);

        Assert.Equal(CloudflarePublishOutcome.Failed, result.Outcome);
        var problem = Assert.Single(result.Problems);
        Assert.Contains("PUT /accounts/", problem, StringComparison.Ordinal);
        Assert.Contains("HTTP 400", problem, StringComparison.Ordinal);
        Assert.Contains("[1056] Bad Configuration: ingress rule has an invalid service", problem, StringComparison.Ordinal);
        Assert.Equal(1, standIn.Requests.Count(request => request.Method == "PUT"));
        Assert.Contains("Cloudflare publishing failed", harness.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerErrorOnACreateIsNotRetriedAndTheNextRunConverges()
    {
        await using var standIn = await CloudflareApiStandIn.StartAsync(TestContext.Current.CancellationToken);
        standIn.Faults.Add(new StandInFault { Method = "POST", PathSuffix = "/dns_records", StatusCode = 500, ErrorCode = 10001 });
        var harness = new PublisherHarness(standIn);

        var first = await harness.RunAsync([PublisherHarness.Jellyfin], apply: true);

        Assert.Equal(CloudflarePublishOutcome.PartiallyApplied, first.Outcome);
        Assert.Contains("HTTP 500", Assert.Single(first.Problems), StringComparison.Ordinal);
        Assert.Equal(1, standIn.Requests.Count(request => request.Method == "POST"));
        Assert.Null(harness.RuleFor("jellyfin.example.com"));

        var second = await harness.RunAsync([PublisherHarness.Jellyfin], apply: true);

        Assert.Equal(CloudflarePublishOutcome.Applied, second.Outcome);
        Assert.NotNull(harness.RecordNamed("jellyfin.example.com"));
        Assert.NotNull(harness.RuleFor("jellyfin.example.com"));
    }

    [Fact]
    public async Task ServiceDefaultsStandardHandlerDoesNotStackOnTheCloudflareClient()
    {
        await using var standIn = await CloudflareApiStandIn.StartAsync(TestContext.Current.CancellationToken);
        standIn.Faults.Add(new StandInFault { Method = "POST", PathSuffix = "/dns_records", StatusCode = 500, ErrorCode = 10001 });
        standIn.Faults.Add(new StandInFault { Method = "PUT", PathSuffix = "/configurations", StatusCode = 408, ErrorCode = 10001 });
        var harness = new PublisherHarness(standIn) { WithStandardHandlerForAllClients = true };

        var result = await harness.RunAsync([PublisherHarness.Jellyfin, PublisherHarness.Immich], apply: true);

        Assert.Equal(CloudflarePublishOutcome.Failed, result.Outcome);
        var dnsCreates = standIn.Requests.Count(request => request.Method == "POST" && request.Path.EndsWith("/dns_records", StringComparison.Ordinal));
        Assert.Equal(2, dnsCreates);
        Assert.Equal(1, standIn.Requests.Count(request => request.Method == "PUT"));
    }

    [Fact]
    public async Task PersistentServerErrorsEndTheRunWithAClearMessage()
    {
        await using var standIn = await CloudflareApiStandIn.StartAsync(TestContext.Current.CancellationToken);
        standIn.Faults.Add(new StandInFault { Method = "GET", PathSuffix = "/configurations", StatusCode = 503, Times = 100 });
        var harness = new PublisherHarness(standIn);

        var result = await harness.RunAsync([PublisherHarness.Jellyfin], apply: true);

        Assert.Equal(CloudflarePublishOutcome.Failed, result.Outcome);
        Assert.Contains("HTTP 503", Assert.Single(result.Problems), StringComparison.Ordinal);
        Assert.Equal(4, standIn.Requests.Count(request => request.Path.EndsWith("/configurations", StringComparison.Ordinal)));
        Assert.Equal(0, standIn.WriteCalls);
    }
}
