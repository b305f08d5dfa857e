using MediaStack.IngressConfigurator.Routes;
using MediaStack.IngressConfigurator.Validation;
using MediaStack.IngressConfigurator.Yaml;

namespace MediaStack.IngressConfigurator.Tests;

public class RouteCompilerTests
{
    private static readonly CompileOptions _options = new() { Domain = "example.com" };

    private static TunnelRoute Route(string resource, string hostname, string? path = null, string service = "http://web:80", RouteAccess access = RouteAccess.Public) =>
        new() { ResourceName = resource, Hostname = hostname, Path = path, Service = service, Access = access };

    private static string Golden(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", name));

    [Fact]
    public void MediaStackRoutesCompileToTheGoldenFile()
    {
        var routes = new[]
        {
            new TunnelRoute
            {
                ResourceName = "jellyfin",
                Hostname = "jellyfin.example.com",
                Service = "http://host.docker.internal:8096",
                Access = RouteAccess.Protected,
                OriginRequest = new Dictionary<string, string> { ["connectTimeout"] = "10s" },
            },
            Route("immich-server", "immich.example.com", service: "http://immich-server:2283", access: RouteAccess.Protected),
        };
        var options = _options with
        {
            TunnelId = "6ff42ae2-765d-4adf-8112-31c55c1551ef",
            CredentialsFile = "/etc/cloudflared/credentials.json",
            AccessTeamName = "family",
            AccessAudTag = "4714d1a0d4c7",
        };

        var result = RouteCompiler.Compile(routes, options);

        Assert.True(result.Succeeded, string.Join("; ", result.Issues));
        Assert.Equal(Golden("mediastack-locally-managed.yml"), TunnelConfigurationYaml.Serialize(result.Configuration!));
    }

    [Fact]
    public void RoutesAreOrderedExactThenDeeperWildcardThenLongerPathsToTheGoldenFile()
    {
        var routes = new[]
        {
            Route("public", "*.example.com", service: "http://public:80"),
            Route("app", "app.example.com", service: "http://app:80"),
            Route("api", "app.example.com", "^/api", "http://api:80"),
            Route("dev", "*.dev.example.com", service: "http://dev:80"),
            Route("books", "bücher.example.com", service: "http://books:80"),
            Route("api2", "app.example.com", "^/api/v2", "http://api2:80"),
        };

        var result = RouteCompiler.Compile(routes, _options);

        Assert.True(result.Succeeded, string.Join("; ", result.Issues));
        Assert.Empty(result.Warnings);
        Assert.Equal(Golden("ordering.yml"), TunnelConfigurationYaml.Serialize(result.Configuration!));
    }

    [Fact]
    public void OrderDoesNotDependOnInputOrder()
    {
        var routes = new[] { Route("a", "a.example.com"), Route("b", "*.example.com"), Route("c", "a.example.com", "/x") };

        var forward = TunnelConfigurationYaml.Serialize(RouteCompiler.Compile(routes, _options).Configuration!);
        var backward = TunnelConfigurationYaml.Serialize(RouteCompiler.Compile(routes.Reverse().ToArray(), _options).Configuration!);

        Assert.Equal(forward, backward);
    }

    [Fact]
    public void EmptyRouteSetCompilesToTheCatchAllOnly()
    {
        var result = RouteCompiler.Compile([], _options);

        Assert.Equal("ingress:\n  - service: http_status:404\n", TunnelConfigurationYaml.Serialize(result.Configuration!));
    }

    [Fact]
    public void DuplicateHostnameAndPathIsAnErrorNamingBothResources()
    {
        var result = RouteCompiler.Compile([Route("immich-server", "photos.example.com"), Route("jellyfin", "photos.example.com")], _options);

        var error = Assert.Single(result.Errors);
        Assert.Contains("'immich-server'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'jellyfin'", error.Message, StringComparison.Ordinal);
        Assert.Null(result.Configuration);
    }

    [Fact]
    public void HostnamesDifferingOnlyInCaseAreDuplicates()
    {
        var result = RouteCompiler.Compile([Route("a", "Photos.example.com"), Route("b", "photos.EXAMPLE.com")], _options);

        Assert.Single(result.Errors);
    }

    [Fact]
    public void UnspecifiedAccessIsAnErrorNamingTheResource()
    {
        var result = RouteCompiler.Compile([Route("immich-server", "immich.example.com", access: RouteAccess.Unspecified)], _options);

        var error = Assert.Single(result.Errors);
        Assert.Equal("immich-server", error.ResourceName);
        Assert.Equal("Access", error.Field);
    }

    [Theory]
    [InlineData("immich.other.com")]
    [InlineData("example.com.evil.net")]
    [InlineData("notexample.com")]
    public void HostnameOutsideTheDomainIsAnError(string hostname)
    {
        var error = Assert.Single(RouteCompiler.Compile([Route("immich-server", hostname)], _options).Errors);

        Assert.Equal("immich-server", error.ResourceName);
        Assert.Equal("Hostname", error.Field);
    }

    [Fact]
    public void HostnameWrittenAsUrlIsAnErrorWhoseFixIsTheBareHostname()
    {
        var error = Assert.Single(RouteCompiler.Compile([Route("jellyfin", "https://jf.example.com")], _options).Errors);

        Assert.Equal("Hostname", error.Field);
        Assert.Equal("Hostname cannot contain a scheme ('https://jf.example.com').", error.Message);
        Assert.StartsWith("Write 'jf.example.com'", error.Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("example.com")]
    [InlineData("a.b.example.com")]
    [InlineData("*.example.com")]
    [InlineData("IMMICH.Example.COM")]
    public void HostnameAtOrUnderTheDomainIsAccepted(string hostname) =>
        Assert.True(RouteCompiler.Compile([Route("x", hostname)], _options).Succeeded);

    [Theory]
    [InlineData("immich.example.com:443", "Hostname")]
    [InlineData("a.*.example.com", "Hostname")]
    [InlineData("", "Hostname")]
    [InlineData("bad_name.example.com", "Hostname")]
    public void BadHostnameIsAnErrorNamingResourceAndField(string hostname, string field)
    {
        var error = Assert.Single(RouteCompiler.Compile([Route("svc", hostname)], _options).Errors);

        Assert.Equal("svc", error.ResourceName);
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void BadPathIsAnErrorNamingResourceAndField()
    {
        var error = Assert.Single(RouteCompiler.Compile([Route("svc", "a.example.com", "(?=x)")], _options).Errors);

        Assert.Equal("Path", error.Field);
        Assert.Contains("invalid or unsupported Perl syntax", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadServiceIsAnErrorNamingTheResourceAndRule()
    {
        var error = Assert.Single(RouteCompiler.Compile([Route("svc", "a.example.com", service: "http://web:80/app")], _options).Errors);

        Assert.Equal("svc", error.ResourceName);
        Assert.Equal("service", error.Field);
        Assert.Equal(1, error.RuleNumber);
    }

    [Theory]
    [InlineData("connectTimeout", "soon", "originRequest.connectTimeout")]
    [InlineData("noTLSVerify", "maybe", "originRequest.noTLSVerify")]
    [InlineData("keepAliveConnections", "lots", "originRequest.keepAliveConnections")]
    [InlineData("proxyPort", "-1", "originRequest.proxyPort")]
    [InlineData("access:required", "sure", "originRequest.access.required")]
    [InlineData("conectTimeout", "30s", "originRequest.conectTimeout")]
    public void BadOriginRequestTextIsAnErrorNamingResourceAndField(string key, string value, string field)
    {
        var route = Route("svc", "a.example.com") with { OriginRequest = new Dictionary<string, string> { [key] = value } };

        var error = Assert.Single(RouteCompiler.Compile([route], _options).Errors);

        Assert.Equal("svc", error.ResourceName);
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void OriginRequestTextIsParsedIntoTypedFields()
    {
        var route = Route("svc", "a.example.com") with
        {
            OriginRequest = new Dictionary<string, string>
            {
                ["connectTimeout"] = "1m30s",
                ["noTLSVerify"] = "false",
                ["keepAliveConnections"] = "7",
                ["httpHostHeader"] = "internal.lan",
                ["access:required"] = "true",
                ["access:teamName"] = "team",
                ["access:audTag:0"] = "aud",
            },
        };

        var origin = RouteCompiler.Compile([route], _options).Configuration!.Ingress[0].OriginRequest!;

        Assert.Equal(90_000_000_000L, origin.ConnectTimeout!.Value.Nanoseconds);
        Assert.False(origin.NoTlsVerify);
        Assert.Equal(7, origin.KeepAliveConnections);
        Assert.Equal("internal.lan", origin.HttpHostHeader);
        Assert.Equal(["aud"], origin.Access!.AudTag);
    }

    [Fact]
    public void PublicRoutesGetNoAccessCheckEvenWhenTeamAndAudienceAreKnown()
    {
        var options = _options with { AccessTeamName = "family", AccessAudTag = "aud" };

        var result = RouteCompiler.Compile([Route("site", "www.example.com", access: RouteAccess.Public)], options);

        Assert.Null(result.Configuration!.Ingress[0].OriginRequest);
    }

    [Fact]
    public void ProtectedRoutesGetNoAccessBlockWhenTheAudienceIsUnknown()
    {
        var options = _options with { AccessTeamName = "family" };

        var result = RouteCompiler.Compile([Route("app", "app.example.com", access: RouteAccess.Protected)], options);

        Assert.Null(result.Configuration!.Ingress[0].OriginRequest);
    }

    [Fact]
    public void LoopbackServiceIsAWarningNamingTheResource()
    {
        var result = RouteCompiler.Compile([Route("jellyfin", "jellyfin.example.com", service: "http://localhost:8096")], _options);

        Assert.True(result.Succeeded);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("jellyfin", warning.ResourceName);
    }

    [Fact]
    public void CompiledConfigurationPassesTheValidator()
    {
        var result = RouteCompiler.Compile([Route("a", "a.example.com"), Route("b", "*.example.com", "^/x")], _options);

        Assert.True(IngressValidator.Validate(result.Configuration!).IsValid);
    }
}
