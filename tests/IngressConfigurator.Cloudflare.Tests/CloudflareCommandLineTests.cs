using System.Text.Json.Nodes;
using MediaStack.IngressConfigurator.Cli;
using MediaStack.IngressConfigurator.Tests.Shared;

namespace MediaStack.IngressConfigurator.Cloudflare.Tests;

public sealed class CloudflareCommandLineTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("mediastack-cli-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task PlanPrintsEveryChangeAndWritesNothing()
    {
        await using var standIn = await CloudflareApiStandIn.StartAsync(TestContext.Current.CancellationToken);

        var run = await RunAsync("plan", "--settings", WriteSettings(standIn));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(0, standIn.WriteCalls);
        Assert.Contains("Planning 2 routes on tunnel " + CloudflareApiStandIn.TunnelId, run.Output, StringComparison.Ordinal);
        Assert.Contains("  immich.example.com -> http://immich-server:2283 (Protected, immich-server)", run.Output, StringComparison.Ordinal);
        Assert.Contains("  Create AccessApplication 'immich.example.com'", run.Output, StringComparison.Ordinal);
        Assert.Contains("  Create DnsRecord 'jellyfin.example.com'", run.Output, StringComparison.Ordinal);
        Assert.Contains("  Create TunnelRule 'jellyfin.example.com'", run.Output, StringComparison.Ordinal);
        Assert.EndsWith("Plan only: nothing was written. Run 'apply' to make these changes." + Environment.NewLine, run.Output, StringComparison.Ordinal);
        Assert.Empty(run.Error);
        Assert.DoesNotContain(standIn.ValidToken, run.Output + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanWritesNothingEvenWhenTheSettingsAskToApply()
    {
        await using var standIn = await CloudflareApiStandIn.StartAsync(TestContext.Current.CancellationToken);

        var run = await RunAsync("plan", "--settings", WriteSettings(standIn, extra: new JsonObject { ["Apply"] = true }));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(0, standIn.WriteCalls);
        Assert.Empty(standIn.DnsRecords);
    }

    [Fact]
    public async Task ApplyPublishesDnsAccessAndRulesAndASecondApplyWritesNothing()
    {
        await using var standIn = await CloudflareApiStandIn.StartAsync(TestContext.Current.CancellationToken);
        var settings = WriteSettings(standIn);

        var first = await RunAsync("apply", "--settings", settings);
        var writesAfterFirst = standIn.WriteCalls;
        var second = await RunAsync("apply", "--settings", settings);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Applied with 6 write calls.", first.Output, StringComparison.Ordinal);
        Assert.Equal(
            ["immich.example.com", "jellyfin.example.com"],
            standIn.DnsRecords.Select(record => (string?)record["name"]).Order(StringComparer.Ordinal));
        Assert.Equal("immich.example.com", (string?)Assert.Single(standIn.Applications)["domain"]);
        Assert.Equal(
            ["immich.example.com", "jellyfin.example.com", null],
            standIn.Ingress().Select(rule => (string?)rule!["hostname"]));

        Assert.Equal(0, second.ExitCode);
        Assert.Contains("  No changes.", second.Output, StringComparison.Ordinal);
        Assert.Contains("Applied with 0 write calls.", second.Output, StringComparison.Ordinal);
        Assert.Equal(writesAfterFirst, standIn.WriteCalls);
        Assert.DoesNotContain(standIn.ValidToken, first.Output + first.Error + second.Output + second.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemovedRouteIsDeletedOnlyByApplyWithPrune()
    {
        await using var standIn = await CloudflareApiStandIn.StartAsync(TestContext.Current.CancellationToken);
        await RunAsync("apply", "--settings", WriteSettings(standIn));
        var immichOnly = WriteSettings(standIn, routes: [Immich]);

        var withoutPrune = await RunAsync("apply", "--settings", immichOnly);
        var jellyfinKept = standIn.DnsRecords.Any(record => (string?)record["name"] == "jellyfin.example.com");
        var withPrune = await RunAsync("apply", "--settings", immichOnly, "--prune");

        Assert.Equal(0, withoutPrune.ExitCode);
        Assert.True(jellyfinKept);
        Assert.Contains("KeepUnpruned DnsRecord 'jellyfin.example.com'", withoutPrune.Output, StringComparison.Ordinal);
        Assert.Equal(0, withPrune.ExitCode);
        Assert.Contains("pruning owned items whose route is gone", withPrune.Output, StringComparison.Ordinal);
        Assert.Contains("Delete DnsRecord 'jellyfin.example.com'", withPrune.Output, StringComparison.Ordinal);
        Assert.Equal(["immich.example.com"], standIn.DnsRecords.Select(record => (string?)record["name"]));
        Assert.Equal(["immich.example.com", null], standIn.Ingress().Select(rule => (string?)rule!["hostname"]));
    }

    [Fact]
    public async Task MissingPermissionIsNamedAndTheExitCodeIsOne()
    {
        await using var standIn = await CloudflareApiStandIn.StartAsync(TestContext.Current.CancellationToken);
        standIn.DeniedGroups.Add("DNS");

        var run = await RunAsync("apply", "--settings", WriteSettings(standIn));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(0, standIn.WriteCalls);
        Assert.Contains("The API token lacks '", run.Error, StringComparison.Ordinal);
        Assert.Contains("DNS", run.Error, StringComparison.Ordinal);
        Assert.Contains("Refused before writing anything", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(standIn.ValidToken, run.Output + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongTokenIsRefusedWithoutPrintingEitherToken()
    {
        await using var standIn = await CloudflareApiStandIn.StartAsync(TestContext.Current.CancellationToken);
        const string WrongToken = "wrong-token-5f1c2a";

        var run = await RunAsync("plan", "--settings", WriteSettings(standIn, extra: new JsonObject { ["ApiToken"] = WrongToken }));

        Assert.Equal(1, run.ExitCode);
        Assert.NotEmpty(run.Error);
        Assert.DoesNotContain(WrongToken, run.Output + run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(standIn.ValidToken, run.Output + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RouteWithoutAnAccessDecisionIsRejectedBeforeCloudflareIsCalled()
    {
        await using var standIn = await CloudflareApiStandIn.StartAsync(TestContext.Current.CancellationToken);
        var undecided = new JsonObject
        {
            ["ResourceName"] = "photo-frame",
            ["Hostname"] = "frame.example.com",
            ["Service"] = "http://photo-frame:8080",
        };

        var run = await RunAsync("plan", "--settings", WriteSettings(standIn, routes: [Immich, undecided]));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Tunnel configuration rejected", run.Error, StringComparison.Ordinal);
        Assert.Contains("'photo-frame'", run.Error, StringComparison.Ordinal);
        Assert.Empty(standIn.Requests);
    }

    [Fact]
    public async Task MissingSettingsFileIsReportedByPath()
    {
        var missing = Path.Combine(_folder.FullName, "absent.json");

        var run = await RunAsync("plan", "--settings", missing);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"Settings file '{missing}' does not exist; give the path of a JSON file with 'Tunnel' and 'Cloudflare' sections.", run.Error.TrimEnd());
    }

    [Fact]
    public async Task ApplyAsARealProcessTakesRoutesAndTokenFromEnvironmentVariables()
    {
        await using var standIn = await CloudflareApiStandIn.StartAsync(TestContext.Current.CancellationToken);
        var environment = new Dictionary<string, string>
        {
            ["Tunnel__Domain"] = "example.com",
            ["Tunnel__Routes__0__ResourceName"] = "jellyfin",
            ["Tunnel__Routes__0__Hostname"] = "jellyfin.example.com",
            ["Tunnel__Routes__0__Service"] = "http://host.docker.internal:8096",
            ["Tunnel__Routes__0__Access"] = "Public",
            ["Cloudflare__ApiToken"] = standIn.ValidToken,
            ["Cloudflare__AccountId"] = CloudflareApiStandIn.AccountId,
            ["Cloudflare__TunnelId"] = CloudflareApiStandIn.TunnelId,
            ["Cloudflare__OwnerId"] = "household",
            ["Cloudflare__BaseUrl"] = standIn.BaseUrl.AbsoluteUri,
        };

        var run = await ConfiguratorProcess.RunAsync(["apply"], environment, TestContext.Current.CancellationToken);

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Contains("Applying 1 routes on tunnel", run.Output, StringComparison.Ordinal);
        Assert.Equal("jellyfin.example.com", (string?)Assert.Single(standIn.DnsRecords)["name"]);
        Assert.Equal(["jellyfin.example.com", null], standIn.Ingress().Select(rule => (string?)rule!["hostname"]));
        Assert.Empty(standIn.Applications);
        Assert.DoesNotContain(standIn.ValidToken, run.Output + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedSettingsFileIsReportedWithoutAStackTrace()
    {
        var path = Path.Combine(_folder.FullName, "broken.json");
        await File.WriteAllTextAsync(path, "{ \"Tunnel\": ", TestContext.Current.CancellationToken);

        var run = await RunAsync("plan", "--settings", path);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"Settings file '{path}' could not be read:", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RouteWithAPathIsListedWithItsPath()
    {
        await using var standIn = await CloudflareApiStandIn.StartAsync(TestContext.Current.CancellationToken);
        var api = new JsonObject
        {
            ["ResourceName"] = "immich-server",
            ["Hostname"] = "photos.example.com",
            ["Path"] = "^/api",
            ["Service"] = "http://immich-server:2283",
            ["Access"] = "Public",
        };

        var run = await RunAsync("plan", "--settings", WriteSettings(standIn, routes: [api]));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("  photos.example.com path ^/api -> http://immich-server:2283 (Public, immich-server)", run.Output, StringComparison.Ordinal);
        Assert.Contains("Create TunnelRule 'photos.example.com path ^/api'", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plan")]
    [InlineData("apply")]
    public async Task HelpDescribesTheSettingsAndPruneOptions(string verb)
    {
        var run = await RunAsync(verb, "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--settings", run.Output, StringComparison.Ordinal);
        Assert.Contains("--prune", run.Output, StringComparison.Ordinal);
        Assert.True(IngressCommandLine.IsCommandLine([verb]));
    }

    private static JsonObject Immich => new()
    {
        ["ResourceName"] = "immich-server",
        ["Hostname"] = "immich.example.com",
        ["Service"] = "http://immich-server:2283",
        ["Access"] = "Protected",
    };

    private static JsonObject Jellyfin => new()
    {
        ["ResourceName"] = "jellyfin",
        ["Hostname"] = "jellyfin.example.com",
        ["Service"] = "http://host.docker.internal:8096",
        ["Access"] = "Public",
        ["OriginRequest"] = new JsonObject { ["connectTimeout"] = "30s" },
    };

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await IngressCommandLine.InvokeAsync(args, output, error, TestContext.Current.CancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }

    private string WriteSettings(CloudflareApiStandIn standIn, JsonObject[]? routes = null, JsonObject? extra = null)
    {
        var cloudflare = new JsonObject
        {
            ["ApiToken"] = standIn.ValidToken,
            ["AccountId"] = CloudflareApiStandIn.AccountId,
            ["TunnelId"] = CloudflareApiStandIn.TunnelId,
            ["OwnerId"] = "household",
            ["AllowedEmails"] = new JsonArray("ann@example.org"),
            ["BaseUrl"] = standIn.BaseUrl.AbsoluteUri,
            ["RetryBaseDelay"] = "00:00:00.010",
        };
        foreach (var (key, value) in extra ?? [])
        {
            cloudflare[key] = value?.DeepClone();
        }

        var settings = new JsonObject
        {
            ["Tunnel"] = new JsonObject
            {
                ["Domain"] = "example.com",
                ["Routes"] = new JsonArray([.. routes ?? [Immich, Jellyfin]]),
            },
            ["Cloudflare"] = cloudflare,
        };
        var path = Path.Combine(_folder.FullName, $"settings-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, settings.ToJsonString());
        return path;
    }
}
