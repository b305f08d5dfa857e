using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MediaStack.IngressConfigurator.Cloudflare.Tests;

public sealed class CloudflareOptionsBindingTests
{
    [Fact]
    public void AddCloudflareApiBindsTheCloudflareKeys()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cloudflare:ApiToken"] = "token-for-binding",
            ["Cloudflare:AccountId"] = "account",
            ["Cloudflare:ZoneId"] = "zone",
            ["Cloudflare:TunnelId"] = "tunnel",
            ["Cloudflare:OwnerId"] = "owner",
            ["Cloudflare:AllowedEmails"] = "ann@example.org; bob@example.org ,",
            ["Cloudflare:Apply"] = "true",
            ["Cloudflare:Prune"] = "true",
            ["Cloudflare:BaseUrl"] = "http://127.0.0.1:9/client/v4",
            ["Cloudflare:RetryBaseDelay"] = "00:00:00.250",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();

        services.AddCloudflareApi(configuration);

        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<CloudflareOptions>>().Value;
        Assert.Equal("token-for-binding", options.ApiToken);
        Assert.Equal("zone", options.ZoneId);
        Assert.Equal(["ann@example.org", "bob@example.org"], options.AllowedEmails);
        Assert.True(options.Apply);
        Assert.True(options.Prune);
        Assert.Equal(new Uri("http://127.0.0.1:9/client/v4"), options.BaseUrl);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.RetryBaseDelay);
        Assert.Empty(options.Validate());
        Assert.NotNull(provider.GetRequiredService<CloudflareTunnelPublisher>());
    }

    [Fact]
    public void IndexedEmailListIsBoundAndApplyDefaultsToOff()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cloudflare:AllowedEmails:0"] = "ann@example.org",
            ["Cloudflare:AllowedEmails:1"] = "bob@example.org",
        }).Build();
        var services = new ServiceCollection();

        services.AddCloudflareApi(configuration);

        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<CloudflareOptions>>().Value;
        Assert.Equal(["ann@example.org", "bob@example.org"], options.AllowedEmails);
        Assert.False(options.Apply);
        Assert.False(options.Prune);
        Assert.Equal(new Uri("https://api.cloudflare.com/client/v4/"), options.BaseUrl);
        Assert.Contains("'Cloudflare:ApiToken' is empty; set it to an API token.", options.Validate());
    }

    [Fact]
    public void ZeroRetriesIsReportedByKey()
    {
        var options = new CloudflareOptions { ApiToken = "t", AccountId = "a", TunnelId = "u", OwnerId = "o", MaxRetries = 0 };

        Assert.Equal(["'Cloudflare:MaxRetries' must be at least 1."], options.Validate());
    }
}
