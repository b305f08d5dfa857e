using MediaStack.IngressConfigurator.Resource;
using MediaStack.IngressConfigurator.Routes;

namespace MediaStack.IngressConfigurator.Tests.Resource;

public sealed class HandoverReaderTests
{
    [Theory]
    [InlineData(null, TunnelMode.LocalPreview)]
    [InlineData("", TunnelMode.LocalPreview)]
    [InlineData("LocallyManaged", TunnelMode.LocallyManaged)]
    [InlineData("remotelymanaged", TunnelMode.RemotelyManaged)]
    public void KnownModesAreRead(string? text, TunnelMode expected)
    {
        var problems = new List<ConfigurationProblem>();

        var mode = HandoverReader.ReadMode(new TunnelSettings { Mode = text }, problems);

        Assert.Equal(expected, mode);
        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("Remote")]
    public void NumbersAndUnknownNamesAreNotModes(string text)
    {
        var problems = new List<ConfigurationProblem>();

        var mode = HandoverReader.ReadMode(new TunnelSettings { Mode = text }, problems);

        Assert.Null(mode);
        Assert.Equal("Tunnel:Mode", Assert.Single(problems).Field);
    }

    [Fact]
    public void MissingAccessStaysUnspecifiedForTheCompilerToReject()
    {
        var settings = new TunnelSettings();
        settings.Routes.Add(new RouteSettings { ResourceName = "jellyfin", Hostname = "jellyfin.example.com", Service = "http://host.docker.internal:8096" });
        var problems = new List<ConfigurationProblem>();

        var route = Assert.Single(HandoverReader.ReadRoutes(settings, problems));

        Assert.Empty(problems);
        Assert.Equal(RouteAccess.Unspecified, route.Access);
    }

    [Fact]
    public void RouteWithoutHostnameOrServiceIsReportedByKeyAndLeftOut()
    {
        var settings = new TunnelSettings();
        settings.Routes.Add(new RouteSettings { ResourceName = "immich-server", Access = "Protected" });
        var problems = new List<ConfigurationProblem>();

        var routes = HandoverReader.ReadRoutes(settings, problems);

        Assert.Empty(routes);
        Assert.Equal(["Tunnel:Routes:0:Hostname", "Tunnel:Routes:0:Service"], problems.Select(problem => problem.Field));
        Assert.All(problems, problem => Assert.Equal("immich-server", problem.ResourceName));
    }

    [Fact]
    public void OriginRequestTextIsCarriedOver()
    {
        var settings = new TunnelSettings();
        var route = new RouteSettings { ResourceName = "immich-server", Hostname = "immich.example.com", Service = "http://immich-server:2283", Access = "Public" };
        route.OriginRequest["connectTimeout"] = "45s";
        settings.Routes.Add(route);

        var read = Assert.Single(HandoverReader.ReadRoutes(settings, []));

        Assert.Equal(RouteAccess.Public, read.Access);
        Assert.Equal("45s", read.OriginRequest["connectTimeout"]);
    }
}
