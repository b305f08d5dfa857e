using Aspire.Hosting;
using MediaStack.AppHost.Tunnel;

namespace MediaStack.AppHost.Tests.Run;

[Trait("Layer", "Run")]
public sealed class RejectedInputRunTests : IDisposable
{
    private const string EarlierConfig = "ingress:\n  - hostname: immich.example.com\n    service: http://immich-server:2283\n  - service: http_status:404\n";

    private readonly DirectoryInfo _output = Directory.CreateTempSubdirectory("mediastack-rejected-");

    public RejectedInputRunTests()
    {
        File.WriteAllText(ConfigPath, EarlierConfig);
    }

    private string ConfigPath => Path.Combine(_output.FullName, "config.yml");

    public void Dispose() => _output.Delete(recursive: true);

    [Fact]
    public async Task DuplicateHostnameFailsTheConfiguratorNamingBothResources()
    {
        var log = await RunRejectedAsync(
            [],
            builder => builder.AddContainer("photo-frame", "photo-frame")
                .WithHttpEndpoint(targetPort: 8080)
                .WithTunnelRoute("immich.example.com"));

        Assert.Contains("'photo-frame'", log, StringComparison.Ordinal);
        Assert.Contains("immich-server", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostnameOutsideTheDomainFailsTheConfiguratorNamingTheResource()
    {
        // The owner's hostname settings are checked when the AppHost starts; a route declared in
        // code reaches the configurator, which is the check under test here.
        var log = await RunRejectedAsync(
            [],
            builder => builder.AddContainer("photo-frame", "photo-frame")
                .WithHttpEndpoint(targetPort: 8080)
                .WithTunnelRoute("frame.example.org"));

        Assert.Contains("'photo-frame'", log, StringComparison.Ordinal);
        Assert.Contains("example.com", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidPathRegexFailsTheConfiguratorNamingTheResourceAndField()
    {
        var log = await RunRejectedAsync(
            [],
            builder => builder.AddContainer("photo-frame", "photo-frame")
                .WithHttpEndpoint(targetPort: 8080)
                .WithTunnelRoute("frame.example.com", route =>
                {
                    route.Path = "^/(?<!admin)albums";
                    route.Access = TunnelRouteAccess.Public;
                }));

        Assert.Contains("'photo-frame'", log, StringComparison.Ordinal);
        Assert.Contains("Path", log, StringComparison.Ordinal);
    }

    private async Task<string> RunRejectedAsync(string[] settings, Action<IDistributedApplicationTestingBuilder>? configure)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var stack = await RunningStack.StartAsync(_output, settings, configure, cancellationToken);
        var exitCode = await stack.WaitForConfiguratorAsync(cancellationToken);

        Assert.Equal(1, exitCode);
        Assert.Equal(EarlierConfig, await File.ReadAllTextAsync(ConfigPath, cancellationToken));
        using var telemetry = new DashboardTelemetry(stack);
        var text = await telemetry.WaitForLogAsync("ingress-configurator", "was left as it was", cancellationToken);
        Assert.Contains("Tunnel configuration rejected", text, StringComparison.Ordinal);
        return text;
    }
}
