using MediaStack.IngressConfigurator.Tests.Shared;

namespace MediaStack.IngressConfigurator.Tests.Resource;

public sealed class ResourceRunProcessTests : IDisposable
{
    private readonly DirectoryInfo _output = Directory.CreateTempSubdirectory("mediastack-configurator-");

    private string ConfigPath => Path.Combine(_output.FullName, "config.yml");

    public void Dispose() => _output.Delete(recursive: true);

    private Dictionary<string, string> StackEnvironment() => new()
    {
        ["Tunnel__Domain"] = "example.com",
        ["Tunnel__OutputDirectory"] = _output.FullName,
        ["Tunnel__Routes__0__ResourceName"] = "jellyfin",
        ["Tunnel__Routes__0__Hostname"] = "jellyfin.example.com",
        ["Tunnel__Routes__0__Service"] = "http://host.docker.internal:8096",
        ["Tunnel__Routes__0__Access"] = "Protected",
        ["Tunnel__Routes__1__ResourceName"] = "immich-server",
        ["Tunnel__Routes__1__Hostname"] = "immich.example.com",
        ["Tunnel__Routes__1__Service"] = "http://immich-server:2283",
        ["Tunnel__Routes__1__Access"] = "Protected",
    };

    [Fact]
    public async Task LocalPreviewWritesOrderedRulesEndingWithTheCatchAll()
    {
        var (exitCode, output) = await ConfiguratorProcess.RunAsync(StackEnvironment(), TestContext.Current.CancellationToken);

        Assert.True(exitCode == 0, output);
        var expected = """
            ingress:
              - hostname: immich.example.com
                service: http://immich-server:2283
              - hostname: jellyfin.example.com
                service: http://host.docker.internal:8096
              - service: http_status:404

            """;
        Assert.Equal(expected, await File.ReadAllTextAsync(ConfigPath, TestContext.Current.CancellationToken));
        Assert.Contains("Local preview", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProtectedRoutesGetOriginAccessWhenTeamAndAudienceAreKnown()
    {
        var environment = StackEnvironment();
        environment["Tunnel__Routes__0__Access"] = "Public";
        environment["Tunnel__Access__TeamName"] = "household";
        environment["Tunnel__Access__AudTag"] = "aud-1234";

        var (exitCode, output) = await ConfiguratorProcess.RunAsync(environment, TestContext.Current.CancellationToken);

        Assert.True(exitCode == 0, output);
        var expected = """
            ingress:
              - hostname: immich.example.com
                service: http://immich-server:2283
                originRequest:
                  access:
                    required: true
                    teamName: household
                    audTag:
                      - aud-1234
              - hostname: jellyfin.example.com
                service: http://host.docker.internal:8096
              - service: http_status:404

            """;
        Assert.Equal(expected, await File.ReadAllTextAsync(ConfigPath, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task LocallyManagedModeWritesTunnelAndCredentialsFile()
    {
        var environment = StackEnvironment();
        environment["Tunnel__Mode"] = "LocallyManaged";
        environment["Tunnel__TunnelId"] = "6ff42ae2-765d-4adf-8112-31c55c1551ef";
        environment["Tunnel__CredentialsFile"] = "/run/secrets/cloudflared-credentials.json";
        environment["Tunnel__Access__TeamName"] = "household";
        environment["Tunnel__Access__AudTag"] = "aud-1234";

        var (exitCode, output) = await ConfiguratorProcess.RunAsync(environment, TestContext.Current.CancellationToken);

        Assert.True(exitCode == 0, output);
        var text = await File.ReadAllTextAsync(ConfigPath, TestContext.Current.CancellationToken);
        Assert.StartsWith(
            "tunnel: 6ff42ae2-765d-4adf-8112-31c55c1551ef\ncredentials-file: /run/secrets/cloudflared-credentials.json\n",
            text,
            StringComparison.Ordinal);
        Assert.DoesNotContain("Local preview", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunningTwiceWithTheSameRoutesLeavesTheFileUntouched()
    {
        var first = await ConfiguratorProcess.RunAsync(StackEnvironment(), TestContext.Current.CancellationToken);
        Assert.True(first.ExitCode == 0, first.Output);
        var bytes = await File.ReadAllBytesAsync(ConfigPath, TestContext.Current.CancellationToken);
        var written = File.GetLastWriteTimeUtc(ConfigPath);

        var second = await ConfiguratorProcess.RunAsync(StackEnvironment(), TestContext.Current.CancellationToken);

        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(ConfigPath, TestContext.Current.CancellationToken));
        Assert.Equal(written, File.GetLastWriteTimeUtc(ConfigPath));
        Assert.Contains("left unchanged", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DuplicateHostnameIsRejectedNamingBothResourcesAndKeepsThePreviousFile()
    {
        var good = await ConfiguratorProcess.RunAsync(StackEnvironment(), TestContext.Current.CancellationToken);
        Assert.True(good.ExitCode == 0, good.Output);
        var before = await File.ReadAllBytesAsync(ConfigPath, TestContext.Current.CancellationToken);
        var environment = StackEnvironment();
        environment["Tunnel__Routes__0__Hostname"] = "immich.example.com";

        var (exitCode, output) = await ConfiguratorProcess.RunAsync(environment, TestContext.Current.CancellationToken);

        Assert.Equal(1, exitCode);
        Assert.Contains("jellyfin", output, StringComparison.Ordinal);
        Assert.Contains("immich-server", output, StringComparison.Ordinal);
        Assert.Contains("immich.example.com", output, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(ConfigPath, TestContext.Current.CancellationToken));
        Assert.Empty(Directory.GetFiles(_output.FullName, "*.tmp"));
    }

    // Each case: a setting to change (an empty value removes it), and what the rejection must name.
    [Theory]
    [InlineData("Tunnel__Routes__0__Access", "", "'jellyfin'", "neither protected by Access nor marked public")]
    [InlineData("Tunnel__Routes__1__Access", "Protcted", "'immich-server'", "Tunnel:Routes:1:Access")]
    [InlineData("Tunnel__Routes__1__Hostname", "immich.example.org", "'immich-server'", "example.com")]
    [InlineData("Tunnel__Routes__1__Path", "^/(?=photos)", "'immich-server'", "Path")]
    [InlineData("Tunnel__Mode", "Remote", "Tunnel:Mode", "LocallyManaged")]
    public async Task BadHandOverIsRejectedBeforeAnythingIsWritten(string key, string value, string subject, string detail)
    {
        var environment = StackEnvironment();
        if (value.Length == 0)
        {
            environment.Remove(key);
        }
        else
        {
            environment[key] = value;
        }

        var (exitCode, output) = await ConfiguratorProcess.RunAsync(environment, TestContext.Current.CancellationToken);

        Assert.Equal(1, exitCode);
        Assert.Contains(subject, output, StringComparison.Ordinal);
        Assert.Contains(detail, output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.False(File.Exists(ConfigPath));
    }

    [Fact]
    public async Task LocallyManagedTunnelRefusesProtectedRoutesThatCloudflaredCannotCheck()
    {
        var environment = StackEnvironment();
        environment["Tunnel__Mode"] = "LocallyManaged";
        environment["Tunnel__TunnelId"] = "6ff42ae2-765d-4adf-8112-31c55c1551ef";
        environment["Tunnel__CredentialsFile"] = "/run/secrets/cloudflared-credentials.json";
        environment["Tunnel__Routes__0__Access"] = "Public";

        var (exitCode, output) = await ConfiguratorProcess.RunAsync(environment, TestContext.Current.CancellationToken);

        Assert.Equal(1, exitCode);
        Assert.Contains("Resource 'immich-server' is Protected", output, StringComparison.Ordinal);
        Assert.Contains("MediaStack:Access:AudTag", output, StringComparison.Ordinal);
        Assert.DoesNotContain("'jellyfin' is Protected", output, StringComparison.Ordinal);
        Assert.False(File.Exists(ConfigPath));
    }

    [Fact]
    public async Task LocalPreviewWarnsThatProtectedRoutesAreNotCheckedByCloudflared()
    {
        var (exitCode, output) = await ConfiguratorProcess.RunAsync(StackEnvironment(), TestContext.Current.CancellationToken);

        Assert.Equal(0, exitCode);
        Assert.Contains("Resource 'immich-server' is Protected, but without MediaStack:Access:TeamName", output, StringComparison.Ordinal);
        Assert.True(File.Exists(ConfigPath));
    }
}
