using System.Globalization;
using System.Text.Json.Nodes;
using MediaStack.IngressConfigurator.Routes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MediaStack.IngressConfigurator.Cloudflare.Tests;

/// <summary>
/// Runs the publisher the way the configurator does: configuration keys, AddCloudflareApi, DI.
/// </summary>
public sealed class PublisherHarness
{
    public const string OwnerId = "household";

    public static readonly PublishedRoute Immich = new(
        "immich-server",
        "immich.example.com",
        null,
        "http://immich-server:2283",
        RouteAccess.Protected);

    public static readonly PublishedRoute Jellyfin = new(
        "jellyfin",
        "jellyfin.example.com",
        null,
        "http://host.docker.internal:8096",
        RouteAccess.Public,
        new JsonObject { ["connectTimeout"] = 30 });

    private readonly CloudflareApiStandIn _standIn;

    public PublisherHarness(CloudflareApiStandIn standIn)
    {
        _standIn = standIn;
        Settings = new Dictionary<string, string?>
        {
            ["Cloudflare:ApiToken"] = standIn.ValidToken,
            ["Cloudflare:AccountId"] = CloudflareApiStandIn.AccountId,
            ["Cloudflare:TunnelId"] = CloudflareApiStandIn.TunnelId,
            ["Cloudflare:OwnerId"] = OwnerId,
            ["Cloudflare:AllowedEmails"] = "ann@example.org, bob@example.org",
            ["Cloudflare:BaseUrl"] = standIn.BaseUrl.AbsoluteUri,
            ["Cloudflare:PageSize"] = "50",
            ["Cloudflare:RetryBaseDelay"] = "00:00:00.010",
            ["Cloudflare:MaxRetries"] = "3",
            ["Cloudflare:AttemptTimeout"] = "00:00:01",
            ["Cloudflare:TotalTimeout"] = "00:00:20",
        };
    }

    public Dictionary<string, string?> Settings { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    /// <summary>Gets or sets a value indicating whether every client gets the standard handler first, as the service defaults do.</summary>
    public bool WithStandardHandlerForAllClients { get; set; }

    public async Task<CloudflarePublishResult> RunAsync(
        IReadOnlyList<PublishedRoute> routes,
        bool apply,
        bool prune = false)
    {
        var settings = new Dictionary<string, string?>(Settings)
        {
            ["Cloudflare:Apply"] = apply.ToString(CultureInfo.InvariantCulture),
            ["Cloudflare:Prune"] = prune.ToString(CultureInfo.InvariantCulture),
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        if (WithStandardHandlerForAllClients)
        {
            services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());
        }

        services.AddCloudflareApi(configuration);
        await using var provider = services.BuildServiceProvider();
        var publisher = provider.GetRequiredService<CloudflareTunnelPublisher>();
        return await publisher.RunAsync(routes, TestContext.Current.CancellationToken);
    }

    public JsonObject? RecordNamed(string name) =>
        _standIn.DnsRecords.SingleOrDefault(record => (string?)record["name"] == name);

    public JsonObject? RuleFor(string hostname) =>
        _standIn.TunnelConfig?["ingress"]?.AsArray().OfType<JsonObject>()
            .SingleOrDefault(rule => (string?)rule["hostname"] == hostname);
}
