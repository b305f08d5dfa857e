namespace MediaStack.AppHost.Tests.Run;

[Trait("Layer", "Run")]
public sealed class LocalPreviewRunTests : IDisposable
{
    private readonly DirectoryInfo _output = Directory.CreateTempSubdirectory("mediastack-run-");

    public void Dispose() => _output.Delete(recursive: true);

    [Fact]
    public async Task ConfiguratorWritesTheStacksRulesAndItsSpansReachTheDashboard()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var stack = await RunningStack.StartAsync(
            _output,
            ["--MediaStack:Access:TeamName=household", "--MediaStack:Access:AudTag=aud-run-test"],
            configure: null,
            cancellationToken);

        var exitCode = await stack.WaitForConfiguratorAsync(cancellationToken);

        Assert.Equal(0, exitCode);
        var config = await File.ReadAllTextAsync(stack.ConfigPath, cancellationToken);
        var expected = """
            ingress:
              - hostname: immich.example.com
                service: http://immich-server:2283
                originRequest:
                  access:
                    required: true
                    teamName: household
                    audTag:
                      - aud-run-test
              - hostname: jellyfin.example.com
                service: http://host.docker.internal:8096
                originRequest:
                  access:
                    required: true
                    teamName: household
                    audTag:
                      - aud-run-test
              - service: http_status:404

            """;
        Assert.Equal(expected, config);

        // No container engine answers here, so the containers whose data volumes were left out of
        // this run must stay unstarted rather than come up later on empty storage.
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeout.CancelAfter(TimeSpan.FromMinutes(2));
            await stack.App.ResourceNotifications.WaitForResourceAsync("immich-postgres", KnownResourceStates.NotStarted, timeout.Token);
        }

        using var telemetry = new DashboardTelemetry(stack);
        var spanNames = await telemetry.WaitForSpanNamesAsync("ingress-configurator", "write", cancellationToken);
        Assert.Contains("ingress-configurator run", spanNames);
        Assert.Contains("read routes", spanNames);
        Assert.Contains("compile", spanNames);
        Assert.Contains("validate", spanNames);
        Assert.Contains("write", spanNames);
    }
}
