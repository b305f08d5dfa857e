using CsCheck;
using MediaStack.IngressConfigurator.Matching;
using MediaStack.IngressConfigurator.Routes;
using MediaStack.IngressConfigurator.Validation;
using MediaStack.IngressConfigurator.Yaml;

namespace MediaStack.IngressConfigurator.Tests;

public class GeneratedConfigurationProperties
{
    // Labels are letters only, so a probe label with a digit can never collide with a generated hostname.
    private const string ProbeLabel = "zz9probe";

    private static readonly Gen<string> _label = Gen.String[Gen.Char['a', 'e'], 1, 3];

    private static readonly Gen<string> _hostname =
        Gen.Select(_label.List[0, 2], Gen.Bool, (labels, wildcard) =>
            (wildcard ? "*." : string.Empty) + string.Concat(labels.Select(l => l + ".")) + "example.com");

    private static readonly Gen<string?> _path =
        Gen.Frequency(
            (2, Gen.Const((string?)null)),
            (3, _label.List[1, 2].Select(parts => (string?)("^/" + string.Join('/', parts)))));

    private static readonly Gen<TunnelRoute[]> _routes =
        Gen.Select(_hostname, _path, Gen.Bool, (hostname, path, isPublic) => (hostname, path, isPublic))
            .List[0, 25]
            .Select(list => list
                .DistinctBy(r => (r.hostname, r.path))
                .Select((r, i) => new TunnelRoute
                {
                    ResourceName = "resource-" + i,
                    Hostname = r.hostname,
                    Path = r.path,
                    Service = "http://service-" + i + ":8080",
                    Access = r.isPublic ? RouteAccess.Public : RouteAccess.Protected,
                })
                .ToArray());

    [Fact]
    public void GeneratedConfigurationsAlwaysValidateAndEveryRouteIsReachedByItsOwnHostnameAndPath()
    {
        var options = new CompileOptions { Domain = "example.com", AccessTeamName = "team", AccessAudTag = "aud" };

        _routes.Sample(routes =>
        {
            var result = RouteCompiler.Compile(routes, options);
            Assert.True(result.Succeeded, string.Join("; ", result.Issues));
            Assert.True(IngressValidator.Validate(result.Configuration!).IsValid);
            Assert.Empty(result.Warnings);

            var yaml = TunnelConfigurationYaml.Serialize(result.Configuration!);
            var reread = TunnelConfigurationYaml.Deserialize(yaml).Configuration!;
            Assert.Equal(yaml, TunnelConfigurationYaml.Serialize(reread));

            var matcher = IngressMatcher.Create(reread);
            foreach (var route in routes)
            {
                var host = route.Hostname.StartsWith("*.", StringComparison.Ordinal) ? ProbeLabel + route.Hostname[1..] : route.Hostname;
                var path = route.Path is null ? "/9" : route.Path[1..];

                var match = matcher.Match(host, path);

                Assert.Equal(route.Hostname, match.Rule.Hostname);
                Assert.Equal(route.Path, match.Rule.Path);
                Assert.Equal(route.Service, match.Rule.Service);
                Assert.Equal(match.Index, matcher.MatchByScan(host, path));
            }
        }, iter: 300);
    }
}
