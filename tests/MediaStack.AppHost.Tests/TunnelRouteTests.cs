using Aspire.Hosting;
using Aspire.Hosting.Eventing;
using MediaStack.AppHost.Tunnel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MediaStack.AppHost.Tests;

public class TunnelRouteTests
{
    [Fact]
    public async Task ImmichIsPublishedOnItsContainerAliasAndTargetPort()
    {
        await using var stack = await StackModel.BuildAsync();

        var env = await stack.EnvironmentAsync("ingress-configurator");

        Assert.Equal("immich-server", env["Tunnel__Routes__0__ResourceName"]);
        Assert.Equal("immich.example.com", env["Tunnel__Routes__0__Hostname"]);
        Assert.Equal("http://immich-server:2283", env["Tunnel__Routes__0__Service"]);
        Assert.Equal("Protected", env["Tunnel__Routes__0__Access"]);
        Assert.DoesNotContain("Tunnel__Routes__0__Path", env.Keys);
    }

    [Fact]
    public async Task JellyfinOnLocalhostIsReachedThroughTheDockerHostWithAWarning()
    {
        await using var stack = await StackModel.BuildAsync();
        var logger = new RecordingLogger();

        var env = await stack.EnvironmentAsync("ingress-configurator", logger);

        Assert.Equal("jellyfin", env["Tunnel__Routes__1__ResourceName"]);
        Assert.Equal("jellyfin.example.com", env["Tunnel__Routes__1__Hostname"]);
        Assert.Equal("http://host.docker.internal:8096", env["Tunnel__Routes__1__Service"]);
        Assert.Equal("Protected", env["Tunnel__Routes__1__Access"]);
        var warning = Assert.Single(logger.Entries, entry => entry.Level == LogLevel.Warning);
        Assert.Contains("'jellyfin'", warning.Message, StringComparison.Ordinal);
        Assert.Contains("'localhost'", warning.Message, StringComparison.Ordinal);
        Assert.Contains("'host.docker.internal'", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JellyfinOnAnotherMachineKeepsItsAddressWithoutAWarning()
    {
        await using var stack = await StackModel.BuildAsync("--Parameters:jellyfin-url=http://192.168.1.20:8096/");
        var logger = new RecordingLogger();

        var env = await stack.EnvironmentAsync("ingress-configurator", logger);

        Assert.Equal("http://192.168.1.20:8096", env["Tunnel__Routes__1__Service"]);
        Assert.DoesNotContain(logger.Entries, entry => entry.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task JellyfinUrlWithAPathIsRejectedNamingTheSettingAndTheFix()
    {
        await using var stack = await StackModel.BuildAsync("--Parameters:jellyfin-url=http://localhost:8096/jellyfin");

        var error = await Assert.ThrowsAsync<TunnelSettingsException>(() => stack.EnvironmentAsync("ingress-configurator"));

        Assert.Equal(
            "The URL in 'Parameters:jellyfin-url' of resource 'jellyfin' is 'http://localhost:8096/jellyfin', which has a path; "
            + "cloudflared origins are scheme, host and port only. Set 'Parameters:jellyfin-url' to the server's address without a path, "
            + "such as 'http://localhost:8096'; the base URL setting of 'jellyfin' must then be empty.",
            error.Message);
    }

    [Fact]
    public async Task JellyfinUrlWithAPathStopsTheStart()
    {
        var message = await StartFailureAsync(builder => builder.AddExternalService(
                "jellyfin",
                builder.AddParameter("jellyfin-url", "https://media.lan/jellyfin/"))
            .WithTunnelRoute("jellyfin.example.com"));

        Assert.StartsWith("The URL in 'Parameters:jellyfin-url' of resource 'jellyfin' is 'https://media.lan/jellyfin/', which has a path;", message, StringComparison.Ordinal);
        Assert.EndsWith("such as 'https://media.lan'; the base URL setting of 'jellyfin' must then be empty.", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExternalServiceUrlWithAPathNamesTheResourceThatProvidedIt()
    {
        var message = await StartFailureAsync(builder => builder.AddExternalService("media", "http://media.lan:8920/emby/")
            .WithTunnelRoute("media.example.com"));

        Assert.Equal(
            "The URL of resource 'media' is 'http://media.lan:8920/emby/', which has a path; cloudflared origins are scheme, host and port only. "
            + "Set it to the server's address without a path, such as 'http://media.lan:8920'; the base URL setting of 'media' must then be empty.",
            message);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8096/", "http://host.docker.internal:8096", "'127.0.0.1'")]
    [InlineData("http://[::1]:8920", "http://host.docker.internal:8920", "'[::1]'")]
    [InlineData("https://LOCALHOST:8920", "https://host.docker.internal:8920", "'localhost'")]
    [InlineData("http://media.lan:8096", "http://media.lan:8096", null)]
    public async Task ExternalServicesOnLoopbackAreReachedThroughTheDockerHost(string url, string service, string? warnedHost)
    {
        var builder = EmptyBuilder();
        builder.AddExternalService("media", url).WithTunnelRoute("media.example.com");
        builder.AddProject<Projects.IngressConfigurator>("ingress-configurator").WithTunnelHandover(Settings());
        await using var app = builder.Build();
        var logger = new RecordingLogger();

        var env = await StackModel.From(app).EnvironmentAsync("ingress-configurator", logger);

        Assert.Equal(service, env["Tunnel__Routes__0__Service"]);
        var warnings = logger.Entries.Where(entry => entry.Level == LogLevel.Warning).Select(entry => entry.Message).ToArray();
        if (warnedHost is null)
        {
            Assert.Empty(warnings);
        }
        else
        {
            Assert.Contains(warnedHost, Assert.Single(warnings), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task JellyfinUrlThatIsNotHttpStopsTheStartNamingTheParameter()
    {
        var message = await StartFailureAsync(builder => builder.AddExternalService(
                "jellyfin",
                builder.AddParameter("jellyfin-url", "ftp://localhost:8096"))
            .WithTunnelRoute("jellyfin.example.com"));

        Assert.Equal(
            "The URL in 'Parameters:jellyfin-url' of resource 'jellyfin' is 'ftp://localhost:8096', which is not an absolute http or https URL; set it to, for example, 'http://localhost:8096'.",
            message);
    }

    [Fact]
    public async Task HostnamesFollowTheOwnersDomainAndCanBeChangedOneByOne()
    {
        await using var stack = await StackModel.BuildAsync(
            "--MediaStack:Domain=family.example",
            "--MediaStack:Jellyfin:Hostname=tv.family.example");

        var env = await stack.EnvironmentAsync("ingress-configurator");

        Assert.Equal("family.example", env["Tunnel__Domain"]);
        Assert.Equal("immich.family.example", env["Tunnel__Routes__0__Hostname"]);
        Assert.Equal("tv.family.example", env["Tunnel__Routes__1__Hostname"]);
    }

    [Fact]
    public async Task HostRoutesGoThroughTheDockerHostAndCarryPathAccessAndOriginOptions()
    {
        var builder = EmptyBuilder();
        builder.AddExecutable("photo-frame", "photo-frame", ".")
            .WithHttpEndpoint(port: 5005, targetPort: 5005)
            .WithTunnelRoute("frame.example.com", route =>
            {
                route.Path = "^/slideshow";
                route.Access = TunnelRouteAccess.Public;
                route.OriginRequest["connectTimeout"] = "30s";
            });
        builder.AddProject<Projects.IngressConfigurator>("ingress-configurator").WithTunnelHandover(Settings());
        await using var app = builder.Build();

        var env = await StackModel.From(app).EnvironmentAsync("ingress-configurator");

        Assert.Equal("photo-frame", env["Tunnel__Routes__0__ResourceName"]);
        Assert.Equal("http://host.docker.internal:5005", env["Tunnel__Routes__0__Service"]);
        Assert.Equal("^/slideshow", env["Tunnel__Routes__0__Path"]);
        Assert.Equal("Public", env["Tunnel__Routes__0__Access"]);
        Assert.Equal("30s", env["Tunnel__Routes__0__OriginRequest__connectTimeout"]);
    }

    [Fact]
    public async Task RouteWithoutAnAccessDecisionStopsTheStartNamingTheResource()
    {
        var message = await StartFailureAsync(builder => builder.AddContainer("photos", "photos")
            .WithHttpEndpoint(targetPort: 80)
            .WithTunnelRoute("photos.example.com", route => route.Access = TunnelRouteAccess.Unspecified));

        Assert.Equal(
            "Resource 'photos' publishes 'photos.example.com' without an Access decision; set Access to Protected or Public in WithTunnelRoute.",
            message);
    }

    [Fact]
    public async Task RouteToAMissingEndpointStopsTheStartNamingResourceAndEndpoint()
    {
        var message = await StartFailureAsync(builder => builder.AddContainer("photos", "photos")
            .WithHttpEndpoint(targetPort: 80)
            .WithTunnelRoute("photos.example.com", route => route.EndpointName = "admin"));

        Assert.Contains("Resource 'photos' has no endpoint 'admin'", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RouteToANonHttpEndpointStopsTheStartNamingResourceAndEndpoint()
    {
        var message = await StartFailureAsync(builder => builder.AddContainer("database", "postgres")
            .WithEndpoint(targetPort: 5432, name: "tcp", scheme: "tcp")
            .WithTunnelRoute("db.example.com", route => route.EndpointName = "tcp"));

        Assert.Contains("Endpoint 'tcp' of resource 'database' uses 'tcp'", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RouteOnAResourceWithoutEndpointsStopsTheStart()
    {
        var message = await StartFailureAsync(builder => builder.AddParameter("not-a-service", "value")
            .WithTunnelRoute("nothing.example.com"));

        Assert.Contains("Resource 'not-a-service' cannot be published on 'nothing.example.com'", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidRoutesPassTheStartCheckAndCreateTheOutputFolder()
    {
        var settings = Settings();
        var builder = EmptyBuilder();
        builder.AddContainer("photos", "photos").WithHttpEndpoint(targetPort: 80).WithTunnelRoute("photos.example.com");
        builder.AddProject<Projects.IngressConfigurator>("ingress-configurator").WithTunnelHandover(settings);
        await using var app = builder.Build();

        await PublishBeforeStartAsync(app);

        Assert.True(Directory.Exists(settings.OutputDirectory));
    }

    private static async Task<string> StartFailureAsync(Action<IDistributedApplicationBuilder> declareRoutes)
    {
        var builder = EmptyBuilder();
        declareRoutes(builder);
        builder.AddProject<Projects.IngressConfigurator>("ingress-configurator").WithTunnelHandover(Settings());
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<TunnelSettingsException>(() => PublishBeforeStartAsync(app));
        return error.Message;
    }

    private static Task PublishBeforeStartAsync(DistributedApplication app) =>
        app.Services.GetRequiredService<IDistributedApplicationEventing>().PublishAsync(
            new BeforeStartEvent(app.Services, app.Services.GetRequiredService<DistributedApplicationModel>()),
            TestContext.Current.CancellationToken);

    // A model of its own, built on the AppHost's assembly so Projects.IngressConfigurator resolves.
    private static IDistributedApplicationBuilder EmptyBuilder() =>
        DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            Args = [],
            DisableDashboard = true,
            AssemblyName = typeof(MediaStackSettings).Assembly.GetName().Name,
        });

    private static MediaStackSettings Settings() => new()
    {
        Domain = "example.com",
        ImmichHostname = "immich.example.com",
        JellyfinHostname = "jellyfin.example.com",
        ImmichVersion = "v3.1.0",
        ImmichLibraryPath = Directory.CreateTempSubdirectory("mediastack-library-").FullName,
        OutputDirectory = Path.Combine(Directory.CreateTempSubdirectory("mediastack-output-").FullName, "cloudflared"),
        Mode = TunnelMode.LocalPreview,
    };
}
