using MediaStack.Cloudflare.StandIn;

namespace MediaStack.AppHost.Tests.Run;

/// <summary>
/// The real AppHost in remotely-managed mode drives ingress-configurator against the Cloudflare API
/// stand-in on loopback.
/// </summary>
[Trait("Layer", "Run")]
public sealed class CloudflareRemoteRunTests : IDisposable
{
    private readonly DirectoryInfo _output = Directory.CreateTempSubdirectory("mediastack-remote-");

    public void Dispose() => _output.Delete(recursive: true);

    [Fact]
    public async Task PlanModeFinishesWithoutWritingAndShowsThePlanInTheDashboard()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var standIn = await CloudflareApiStandIn.StartAsync(cancellationToken);
        await using var stack = await RunningStack.StartAsync(_output, RemoteSettings(standIn, apply: false), configure: null, cancellationToken);

        var exitCode = await stack.WaitForConfiguratorAsync(cancellationToken);

        Assert.Equal(0, exitCode);
        Assert.Equal(0, standIn.WriteCalls);
        Assert.Contains(standIn.Requests, request => request.Path.EndsWith("/cfd_tunnel/" + CloudflareApiStandIn.TunnelId + "/configurations", StringComparison.Ordinal));
        Assert.Empty(standIn.DnsRecords);
        Assert.Null(standIn.TunnelConfig);
        Assert.False(File.Exists(stack.ConfigPath));

        using var telemetry = new DashboardTelemetry(stack);
        var logs = await telemetry.WaitForLogAsync("ingress-configurator", "Cloudflare publishing finished as Planned", cancellationToken);
        Assert.Contains("Plan: Create DnsRecord 'immich.example.com'", logs, StringComparison.Ordinal);
        Assert.Contains("Plan: Create TunnelRule 'jellyfin.example.com'", logs, StringComparison.Ordinal);
        Assert.Contains("Plan only: nothing was written", logs, StringComparison.Ordinal);
        await AssertTokenNeverShownAsync(stack, telemetry, standIn, cancellationToken);
    }

    [Fact]
    public async Task ApplyModePublishesDnsAccessAndTunnelRulesAndKeepsTheTokenOutOfTheDashboard()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var standIn = await CloudflareApiStandIn.StartAsync(cancellationToken);
        await using var stack = await RunningStack.StartAsync(_output, RemoteSettings(standIn, apply: true), configure: null, cancellationToken);

        var exitCode = await stack.WaitForConfiguratorAsync(cancellationToken);

        Assert.Equal(0, exitCode);
        foreach (var hostname in new[] { "immich.example.com", "jellyfin.example.com" })
        {
            var record = Assert.Single(standIn.DnsRecords, record => (string?)record["name"] == hostname);
            Assert.Equal("CNAME", (string?)record["type"]);
            Assert.Equal(CloudflareApiStandIn.TunnelId + ".cfargotunnel.com", (string?)record["content"]);
            Assert.Equal("managed-by=mediastack owner=household-run-test", (string?)record["comment"]);
        }

        Assert.Equal(
            ["immich.example.com", "jellyfin.example.com"],
            standIn.Applications.Select(application => (string?)application["domain"]).Order(StringComparer.Ordinal));
        var policy = Assert.Single(standIn.Policies);
        Assert.Equal("ann@example.org", (string?)policy["include"]![0]!["email"]!["email"]);

        var ingress = standIn.Ingress().Select(rule => rule!.AsObject()).ToList();
        Assert.Equal(3, ingress.Count);
        Assert.Equal("immich.example.com", (string?)ingress[0]["hostname"]);
        Assert.Equal("http://immich-server:2283", (string?)ingress[0]["service"]);
        var immichAudience = (string?)Assert.Single(standIn.Applications, application => (string?)application["domain"] == "immich.example.com")["aud"];
        Assert.Equal(immichAudience, (string?)ingress[0]["originRequest"]!["access"]!["audTag"]![0]);
        Assert.Equal("jellyfin.example.com", (string?)ingress[1]["hostname"]);
        Assert.Equal("http://host.docker.internal:8096", (string?)ingress[1]["service"]);
        Assert.Null(ingress[2]["hostname"]);
        Assert.Equal("http_status:404", (string?)ingress[2]["service"]);

        using var telemetry = new DashboardTelemetry(stack);
        await telemetry.WaitForLogAsync("ingress-configurator", "Cloudflare publishing finished as Applied", cancellationToken);
        var spanNames = await telemetry.WaitForSpanNamesAsync("ingress-configurator", "cloudflare.publish", cancellationToken);
        Assert.Contains("cloudflare.plan", spanNames);
        await AssertTokenNeverShownAsync(stack, telemetry, standIn, cancellationToken);
    }

    private static string[] RemoteSettings(CloudflareApiStandIn standIn, bool apply) =>
    [
        "--Parameters:cloudflare-tunnel-token=tunnel-token-for-cloudflared",
        $"--Parameters:cloudflare-api-token={standIn.ValidToken}",
        "--Parameters:cloudflare-owner-id=household-run-test",
        $"--MediaStack:Cloudflare:AccountId={CloudflareApiStandIn.AccountId}",
        $"--MediaStack:Cloudflare:ZoneId={CloudflareApiStandIn.ZoneId}",
        $"--MediaStack:Tunnel:TunnelId={CloudflareApiStandIn.TunnelId}",
        $"--MediaStack:Cloudflare:BaseUrl={standIn.BaseUrl.AbsoluteUri}",
        $"--MediaStack:Cloudflare:Apply={(apply ? "true" : "false")}",
        "--MediaStack:Access:AllowedEmails=ann@example.org",
    ];

    private static async Task AssertTokenNeverShownAsync(
        RunningStack stack,
        DashboardTelemetry telemetry,
        CloudflareApiStandIn standIn,
        CancellationToken cancellationToken)
    {
        var telemetryText = await telemetry.ReadLogsAndSpansAsync("ingress-configurator", cancellationToken);
        var consoleText = await stack.ReadConsoleLogAsync("ingress-configurator", cancellationToken);

        Assert.Contains("cloudflare.publish", telemetryText, StringComparison.Ordinal);
        Assert.Contains("Cloudflare publishing finished", consoleText, StringComparison.Ordinal);
        Assert.DoesNotContain(standIn.ValidToken, telemetryText, StringComparison.Ordinal);
        Assert.DoesNotContain(standIn.ValidToken, consoleText, StringComparison.Ordinal);
    }
}
