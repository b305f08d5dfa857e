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
            ["Cloudflare:AccountId"] = "0123456789abcdef0123456789abcdef",
            ["Cloudflare:ZoneId"] = "fedcba9876543210fedcba9876543210",
            ["Cloudflare:TunnelId"] = "c1744f8b-faa1-48a4-9e5c-02ac921467fa",
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
        Assert.Equal("fedcba9876543210fedcba9876543210", options.ZoneId);
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
        var options = Valid();
        options.MaxRetries = 0;

        Assert.Equal(["'Cloudflare:MaxRetries' must be at least 1."], options.Validate());
    }

    // The README's settings example ships with placeholders; copied unchanged they must be caught by key.
    [Theory]
    [InlineData("TunnelId", "<tunnel id>", "'Cloudflare:TunnelId' is '<tunnel id>', which is not a tunnel id")]
    [InlineData("AccountId", "<account id>", "'Cloudflare:AccountId' is '<account id>', which is not a Cloudflare id")]
    [InlineData("ZoneId", "example.com", "'Cloudflare:ZoneId' is 'example.com', which is not a Cloudflare id")]
    [InlineData("OwnerId", "<the stack's owner id>", "'Cloudflare:OwnerId' is '<the stack's owner id>'; use only letters")]
    [InlineData("BaseUrl", "ftp://127.0.0.1/x", "'Cloudflare:BaseUrl' must be an absolute http or https URL")]
    public void MalformedIdsAreReportedByKey(string key, string value, string expected)
    {
        var options = Valid();
        switch (key)
        {
            case "TunnelId": options.TunnelId = value; break;
            case "AccountId": options.AccountId = value; break;
            case "ZoneId": options.ZoneId = value; break;
            case "OwnerId": options.OwnerId = value; break;
            default: options.BaseUrl = new Uri(value); break;
        }

        var problem = Assert.Single(options.Validate());

        Assert.StartsWith(expected, problem, StringComparison.Ordinal);
    }

    private static CloudflareOptions Valid() => new()
    {
        ApiToken = "t",
        AccountId = "0123456789abcdef0123456789abcdef",
        TunnelId = "c1744f8b-faa1-48a4-9e5c-02ac921467fa",
        OwnerId = "smith-household",
    };
}
