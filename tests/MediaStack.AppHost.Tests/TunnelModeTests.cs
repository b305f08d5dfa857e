namespace MediaStack.AppHost.Tests;

public class TunnelModeTests
{
    [Fact]
    public async Task LocalPreviewIsTheDefaultAndLeavesCloudflaredUnstarted()
    {
        await using var stack = await StackModel.BuildAsync();

        var env = await stack.EnvironmentAsync("ingress-configurator");
        var cloudflared = stack.Resource<ContainerResource>("cloudflared");

        Assert.Equal("LocalPreview", env["Tunnel__Mode"]);
        Assert.DoesNotContain("Tunnel__TunnelId", env.Keys);
        Assert.DoesNotContain("Cloudflare__ApiToken", env.Keys);
        Assert.Single(cloudflared.Annotations.OfType<ExplicitStartupAnnotation>());
        Assert.DoesNotContain(stack.Model.Resources, resource => resource.Name.StartsWith("cloudflare-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LocallyManagedMountsTheCredentialsReadOnlyAndRunsFromTheGeneratedConfig()
    {
        var credentials = Path.Combine(Directory.CreateTempSubdirectory("mediastack-tunnel-").FullName, "tunnel.json");
        await File.WriteAllTextAsync(credentials, "{}", TestContext.Current.CancellationToken);
        await using var stack = await StackModel.BuildAsync(
            "--MediaStack:Tunnel:TunnelId=6ff42ae2-765d-4adf-8112-31c55c1551ef",
            $"--MediaStack:Tunnel:CredentialsFile={credentials}");

        var env = await stack.EnvironmentAsync("ingress-configurator");
        var args = await stack.ArgumentsAsync("cloudflared");
        var cloudflared = stack.Resource<ContainerResource>("cloudflared");
        var credentialsMount = Assert.Single(
            cloudflared.Annotations.OfType<ContainerMountAnnotation>(),
            mount => mount.Source == credentials);

        Assert.Equal("LocallyManaged", env["Tunnel__Mode"]);
        Assert.Equal("6ff42ae2-765d-4adf-8112-31c55c1551ef", env["Tunnel__TunnelId"]);
        Assert.Equal("/run/secrets/cloudflared-credentials.json", env["Tunnel__CredentialsFile"]);
        Assert.Equal("/run/secrets/cloudflared-credentials.json", credentialsMount.Target);
        Assert.True(credentialsMount.IsReadOnly);
        Assert.Equal(["--config", "/etc/cloudflared/config.yml", "run"], args[^3..]);
        Assert.Empty(cloudflared.Annotations.OfType<ExplicitStartupAnnotation>());
    }

    [Fact]
    public async Task RemotelyManagedRunsCloudflaredWithTheTokenAndGivesTheConfiguratorTheApi()
    {
        await using var stack = await StackModel.BuildAsync(
            "--Parameters:cloudflare-tunnel-token=test-tunnel-token",
            "--Parameters:cloudflare-api-token=test-api-token",
            "--MediaStack:Cloudflare:AccountId=test-account",
            "--MediaStack:Cloudflare:ZoneId=test-zone",
            "--MediaStack:Tunnel:TunnelId=6ff42ae2-765d-4adf-8112-31c55c1551ef");

        var configuratorEnv = await stack.EnvironmentAsync("ingress-configurator");
        var cloudflaredEnv = await stack.EnvironmentAsync("cloudflared");
        var args = await stack.ArgumentsAsync("cloudflared");

        Assert.Equal("RemotelyManaged", configuratorEnv["Tunnel__Mode"]);
        Assert.Equal("test-api-token", configuratorEnv["Cloudflare__ApiToken"]);
        Assert.Equal("test-account", configuratorEnv["Cloudflare__AccountId"]);
        Assert.Equal("test-zone", configuratorEnv["Cloudflare__ZoneId"]);
        Assert.Equal("6ff42ae2-765d-4adf-8112-31c55c1551ef", configuratorEnv["Cloudflare__TunnelId"]);
        Assert.Equal("test-tunnel-token", cloudflaredEnv["TUNNEL_TOKEN"]);
        Assert.Equal("run", args[^1]);
        Assert.DoesNotContain("--config", args);
        Assert.True(stack.Resource<ParameterResource>("cloudflare-tunnel-token").Secret);
        Assert.True(stack.Resource<ParameterResource>("cloudflare-api-token").Secret);
        Assert.Empty(stack.Resource<ContainerResource>("cloudflared").Annotations.OfType<ExplicitStartupAnnotation>());
    }

    [Fact]
    public async Task AccessSettingsAreHandedToTheConfigurator()
    {
        await using var stack = await StackModel.BuildAsync(
            "--MediaStack:Access:TeamName=family",
            "--MediaStack:Access:AudTag=aud-tag-1",
            "--MediaStack:Access:AllowedEmails=ann@example.com, bob@example.com");

        var env = await stack.EnvironmentAsync("ingress-configurator");

        Assert.Equal("family", env["Tunnel__Access__TeamName"]);
        Assert.Equal("aud-tag-1", env["Tunnel__Access__AudTag"]);
        Assert.Equal("ann@example.com", env["Cloudflare__AllowedEmails__0"]);
        Assert.Equal("bob@example.com", env["Cloudflare__AllowedEmails__1"]);
    }
}
