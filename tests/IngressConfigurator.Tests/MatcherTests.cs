using MediaStack.IngressConfigurator.Matching;
using MediaStack.IngressConfigurator.Model;
using MediaStack.IngressConfigurator.Yaml;

namespace MediaStack.IngressConfigurator.Tests;

// Matching follows cloudflared's Ingress.FindMatchingRule, Rule.Matches and matchHost.
public class MatcherTests
{
    private const string Rules = """
        ingress:
          - hostname: immich.example.com
            service: http://immich-server:2283
          - hostname: "*.example.com"
            path: ^/api
            service: http://api:80
          - hostname: "*.example.com"
            service: http://wild:80
          - hostname: bücher.example.org
            service: http://books:80
          - hostname: Upper.example.net
            service: http://upper:80
          - path: \.mp4$
            service: http://video:80
          - service: http_status:404
        """;

    private static readonly IngressMatcher _matcher =
        IngressMatcher.Create(TunnelConfigurationYaml.Deserialize(Rules).Configuration!);

    [Theory]
    [InlineData("immich.example.com", "/", 0, "exact hostname")]
    [InlineData("immich.example.com:443", "/", 0, "the port is ignored")]
    [InlineData("immich.example.com:8443", "/photos", 0, "any port is ignored")]
    [InlineData("IMMICH.example.com", "/", 2, "the request host is compared as sent; cloudflared does not fold case, so the wildcard takes it")]
    [InlineData("a.example.com", "/api/v1", 1, "wildcard with matching path")]
    [InlineData("a.example.com", "/v1/api", 2, "anchored path does not match, next rule")]
    [InlineData("a.b.c.example.com", "/", 2, "wildcard matches subdomains at any depth")]
    [InlineData("example.com", "/", 6, "wildcard does not match the bare domain")]
    [InlineData("immich.example.com", "/api/v1", 0, "first matching rule wins even if a later one is more specific")]
    [InlineData("xexample.com", "/", 6, "suffix must include the dot")]
    [InlineData("bücher.example.org", "/", 3, "Unicode hostname as written")]
    [InlineData("xn--bcher-kva.example.org", "/", 3, "punycode form of a Unicode rule matches too")]
    [InlineData("upper.example.net", "/", 4, "a rule's Lookup form is lower case, so lower-case requests match")]
    [InlineData("Upper.example.net", "/", 4, "the rule as written matches itself")]
    [InlineData("other.net", "/movie.mp4", 5, "path-only rule matches any host")]
    [InlineData("other.net", "/movie.mp4?x=1", 6, "callers pass the path only; here the query is part of the text so $ fails")]
    [InlineData("other.net", "/", 6, "falls through to the catch-all")]
    [InlineData("", "/", 6, "empty host reaches the catch-all")]
    public void FindsTheRuleCloudflaredWould(string host, string path, int expected, string why)
    {
        var match = _matcher.Match(host, path);

        Assert.True(expected == match.Index, $"{why}: got #{match.Index}");
        Assert.Equal(expected, _matcher.MatchByScan(host, path));
    }

    [Fact]
    public void WildcardUnicodeRuleHasNoPunycodeFormBecauseLookupRejectsTheStar()
    {
        var configuration = new TunnelConfiguration
        {
            Ingress =
            [
                new IngressRule { Hostname = "*.bücher.example", Service = "http://a:80" },
                new IngressRule { Service = "http_status:404" },
            ],
        };
        var matcher = IngressMatcher.Create(configuration);

        Assert.Equal(0, matcher.Match("x.bücher.example", "/").Index);
        Assert.Equal(1, matcher.Match("x.xn--bcher-kva.example", "/").Index);
    }

    [Fact]
    public void StarWithoutDotIsALiteralHostnameInCloudflared()
    {
        var configuration = new TunnelConfiguration
        {
            Ingress =
            [
                new IngressRule { Hostname = "*example.com", Service = "http://a:80" },
                new IngressRule { Service = "http_status:404" },
            ],
        };
        var matcher = IngressMatcher.Create(configuration);

        Assert.Equal(1, matcher.Match("www.example.com", "/").Index);
        Assert.Equal(0, matcher.Match("*example.com", "/").Index);
    }

    [Fact]
    public void DescribePrintsLikeCloudflaredsRuleCommand()
    {
        var text = IngressMatcher.Describe(_matcher.Match("a.example.com", "/api"));

        Assert.Equal("Matched rule #1\n\thostname: *.example.com\n\tpath: ^/api\n\tservice: http://api:80", text);
    }

    [Fact]
    public void CreatingAMatcherForAnInvalidConfigurationFailsWithTheFirstError()
    {
        var configuration = new TunnelConfiguration { Ingress = [new IngressRule { Hostname = "a.example.com", Service = "http://a:80" }] };

        var exception = Assert.Throws<ArgumentException>(() => IngressMatcher.Create(configuration));

        Assert.Contains("The last ingress rule must match all URLs", exception.Message, StringComparison.Ordinal);
    }
}
