using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MediaStack.IngressConfigurator.Cloudflare.Tests;

public sealed class CloudflareTelemetryTests
{
    [Fact]
    public async Task EveryStepIsTracedUnderTheConfiguratorActivitySource()
    {
        await using var standIn = await CloudflareApiStandIn.StartAsync(TestContext.Current.CancellationToken);
        var harness = new PublisherHarness(standIn);
        using var capture = new ActivityCapture();

        using (capture.StartTrace())
        {
            await harness.RunAsync([PublisherHarness.Immich, PublisherHarness.Jellyfin], apply: true);
        }

        var spans = capture.Spans.Where(span => span.Source.Name == "MediaStack.IngressConfigurator").ToList();
        Assert.Equal(
            ["cloudflare.verify_token", "cloudflare.probe_permissions", "cloudflare.read_state", "cloudflare.plan", "cloudflare.apply", "cloudflare.publish"],
            spans.Select(span => span.OperationName));
        var plan = spans.Single(span => span.OperationName == "cloudflare.plan");
        Assert.Equal(7, plan.Events.Count(item => item.Name == "plan.change"));
        Assert.Equal(7, plan.GetTagItem("cloudflare.plan.creates"));
        var publish = spans.Single(span => span.OperationName == "cloudflare.publish");
        Assert.Equal("Applied", publish.GetTagItem("cloudflare.outcome"));
    }

    [Fact]
    public async Task TokenNeverAppearsInLogsTracesOrProblems()
    {
        await using var standIn = await CloudflareApiStandIn.StartAsync(TestContext.Current.CancellationToken);
        var harness = new PublisherHarness(standIn);
        var problems = new List<string>();
        using var capture = new ActivityCapture();

        using (capture.StartTrace())
        {
            standIn.Faults.Add(new StandInFault { Method = "POST", PathSuffix = "/dns_records", StatusCode = 429, RetryAfterSeconds = 0 });
            problems.AddRange((await harness.RunAsync([PublisherHarness.Immich, PublisherHarness.Jellyfin], apply: true)).Problems);

            standIn.Faults.Add(new StandInFault { Method = "PUT", PathSuffix = "/configurations", StatusCode = 400, ErrorCode = 1056 });
            problems.AddRange((await harness.RunAsync([PublisherHarness.Jellyfin], apply: true, prune: true)).Problems);

            standIn.DeniedGroups.Add("Access");
            problems.AddRange((await harness.RunAsync([PublisherHarness.Immich], apply: true)).Problems);

            harness.Settings["Cloudflare:BaseUrl"] = $"http://127.0.0.1:{UnusedPort()}/client/v4/";
            problems.AddRange((await harness.RunAsync([PublisherHarness.Jellyfin], apply: true)).Problems);
        }

        Assert.Contains(problems, problem => problem.Contains("HTTP 400", StringComparison.Ordinal));
        Assert.Contains(problems, problem => problem.Contains("Access: Apps and Policies Edit", StringComparison.Ordinal));
        Assert.Contains(problems, problem => problem.Contains("could not be reached", StringComparison.Ordinal));
        Assert.Contains("System.Net.Http.HttpClient.CloudflareApiClient", harness.Logs.AllText, StringComparison.Ordinal);
        Assert.Contains("Authorization: *", harness.Logs.AllText, StringComparison.Ordinal);
        Assert.NotEmpty(capture.Spans);

        var token = standIn.ValidToken;
        Assert.DoesNotContain(token, harness.Logs.AllText, StringComparison.Ordinal);
        Assert.All(problems, problem => Assert.DoesNotContain(token, problem, StringComparison.Ordinal));
        Assert.All(capture.Spans, span =>
        {
            var text = string.Join(
                " ",
                span.DisplayName,
                span.StatusDescription,
                string.Join(" ", span.TagObjects.Select(tag => $"{tag.Key}={tag.Value}")),
                string.Join(" ", span.Events.SelectMany(item => item.Tags.Select(tag => $"{tag.Key}={tag.Value}"))));
            Assert.DoesNotContain(token, text, StringComparison.Ordinal);
        });
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
