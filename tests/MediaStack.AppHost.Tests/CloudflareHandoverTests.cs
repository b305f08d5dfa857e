using System.Text.RegularExpressions;
using MediaStack.AppHost.Tunnel;
using Microsoft.Extensions.Configuration;

namespace MediaStack.AppHost.Tests;

public partial class CloudflareHandoverTests
{
    private static readonly string[] _remotelyManaged =
    [
        "--Parameters:cloudflare-tunnel-token=test-tunnel-token",
        "--Parameters:cloudflare-api-token=test-api-token",
        "--MediaStack:Cloudflare:AccountId=test-account",
        "--MediaStack:Tunnel:TunnelId=6ff42ae2-765d-4adf-8112-31c55c1551ef",
    ];

    [Fact]
    public async Task RemotelyManagedOnlyPlansByDefaultUnderAGeneratedOwnerId()
    {
        await using var stack = await StackModel.BuildAsync(_remotelyManaged);

        var env = await stack.EnvironmentAsync("ingress-configurator");
        var ownerId = stack.Resource<ParameterResource>("cloudflare-owner-id");

        Assert.Equal("false", env["Cloudflare__Apply"]);
        Assert.Equal("false", env["Cloudflare__Prune"]);
        Assert.Matches(GeneratedOwnerId(), env["Cloudflare__OwnerId"]);
        Assert.Equal(env["Cloudflare__OwnerId"], await stack.ParameterValueAsync("cloudflare-owner-id"));
        Assert.False(ownerId.Secret);

        // Aspire keeps that type internal; it is what persist: true wraps the generated default in.
        Assert.Equal("UserSecretsParameterDefault", ownerId.Default?.GetType().Name);
        Assert.DoesNotContain("Cloudflare__BaseUrl", env.Keys);
        Assert.DoesNotContain("Cloudflare__AccessPolicyName", env.Keys);
    }

    [Fact]
    public async Task OwnerSettingsForApplyPruneOwnerIdPolicyAndApiAddressReachTheConfigurator()
    {
        await using var stack = await StackModel.BuildAsync(
        [
            .. _remotelyManaged,
            "--Parameters:cloudflare-owner-id=household",
            "--MediaStack:Cloudflare:Apply=true",
            "--MediaStack:Cloudflare:Prune=True",
            "--MediaStack:Access:PolicyName=Family members",
            "--MediaStack:Cloudflare:BaseUrl=http://127.0.0.1:9/client/v4/",
        ]);

        var env = await stack.EnvironmentAsync("ingress-configurator");

        Assert.Equal("household", env["Cloudflare__OwnerId"]);
        Assert.Equal("true", env["Cloudflare__Apply"]);
        Assert.Equal("true", env["Cloudflare__Prune"]);
        Assert.Equal("Family members", env["Cloudflare__AccessPolicyName"]);
        Assert.Equal("http://127.0.0.1:9/client/v4/", env["Cloudflare__BaseUrl"]);
    }

    [Fact]
    public async Task LocalPreviewHandsOverNoCloudflareSettings()
    {
        await using var stack = await StackModel.BuildAsync("--MediaStack:Cloudflare:Apply=true");

        var env = await stack.EnvironmentAsync("ingress-configurator");

        Assert.DoesNotContain(env.Keys, key => key is "Cloudflare__Apply" or "Cloudflare__Prune" or "Cloudflare__OwnerId");
        Assert.DoesNotContain(stack.Model.Resources, resource => resource.Name == "cloudflare-owner-id");
    }

    [Theory]
    [InlineData("Cloudflare:Apply", "yes", "neither true nor false")]
    [InlineData("Cloudflare:Prune", "1", "neither true nor false")]
    [InlineData("Cloudflare:BaseUrl", "api.cloudflare.com/client/v4", "not an absolute http or https URL")]
    [InlineData("Cloudflare:BaseUrl", "ftp://127.0.0.1/client/v4/", "not an absolute http or https URL")]
    public void MalformedCloudflareSettingIsRejectedNamingTheKey(string key, string value, string reason)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new($"MediaStack:{key}", value)])
            .Build();

        var error = Assert.Throws<TunnelSettingsException>(
            () => MediaStackSettings.FromConfiguration(configuration, Path.GetTempPath()));

        Assert.StartsWith($"Setting 'MediaStack:{key}' is '{value}', which is {reason}", error.Message, StringComparison.Ordinal);
    }

    [GeneratedRegex("^[a-z0-9]{12,}$")]
    private static partial Regex GeneratedOwnerId();
}
