using MediaStack.IngressConfigurator.Model;
using MediaStack.IngressConfigurator.Validation;

namespace MediaStack.IngressConfigurator.Tests;

// Each case states the verdict cloudflared 2026.8 gives (ingress/ingress.go validateIngress) and why.
public class ValidatorTests
{
    [Fact]
    public void EmptyIngressIsRejectedBecauseCloudflaredNeedsAtLeastOneRule()
    {
        var error = ConfigurationText.FirstError("tunnel: abc\n");

        Assert.Equal("The config file doesn't contain any ingress rules", error.Message);
        Assert.Equal("ingress", error.Field);
    }

    [Fact]
    public void SingleCatchAllRuleIsValidBecauseTheLastRuleMatchesEverything()
    {
        Assert.True(ConfigurationText.Validate("ingress:\n  - service: http_status:404\n").IsValid);
    }

    [Fact]
    public void StarHostnameWithoutPathIsACatchAll()
    {
        Assert.True(ConfigurationText.Validate("ingress:\n  - hostname: '*'\n    service: http_status:404\n").IsValid);
    }

    [Fact]
    public void LastRuleWithHostnameIsRejectedAsNotCatchAll()
    {
        var error = ConfigurationText.FirstError("ingress:\n  - hostname: a.example.com\n    service: http://web:80\n");

        Assert.Equal(1, error.RuleNumber);
        Assert.Equal("The last ingress rule must match all URLs (i.e. it should not have a hostname or path filter)", error.Message);
    }

    [Fact]
    public void LastRuleWithOnlyAPathIsRejectedBecauseAPathFiltersRequests()
    {
        var error = ConfigurationText.FirstError("ingress:\n  - path: ^/api\n    service: http://web:80\n");

        Assert.StartsWith("The last ingress rule must match all URLs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LastRuleStarWithPathIsRejectedBecauseThePathFilters()
    {
        var error = ConfigurationText.FirstError("ingress:\n  - hostname: '*'\n    path: /x\n    service: http://web:80\n");

        Assert.StartsWith("The last ingress rule must match all URLs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CatchAllBeforeTheLastRuleIsRejectedWithItsNumber()
    {
        var error = ConfigurationText.FirstError("""
            ingress:
              - hostname: a.example.com
                service: http://a:80
              - service: http://b:80
              - service: http_status:404
            """);

        Assert.Equal(2, error.RuleNumber);
        Assert.Equal("Rule #2 is matching the hostname '', but this will match every hostname, meaning the rules which follow it will never be triggered.", error.Message);
    }

    [Fact]
    public void StarRuleBeforeTheLastIsRejectedNamingTheStarHostname()
    {
        var error = ConfigurationText.FirstError("ingress:\n  - hostname: '*'\n    service: http://b:80\n  - service: http_status:404\n");

        Assert.Equal("Rule #1 is matching the hostname '*', but this will match every hostname, meaning the rules which follow it will never be triggered.", error.Message);
    }

    [Fact]
    public void StarWithPathBeforeTheLastIsValidBecauseThePathFilters()
    {
        Assert.True(ConfigurationText.Validate("ingress:\n  - hostname: '*'\n    path: ^/api\n    service: http://b:80\n  - service: http_status:404\n").IsValid);
    }

    [Theory]
    [InlineData("a.example.com:8080", "port after the name is a port")]
    [InlineData("a.example.com:", "an empty port still splits as host:port in Go")]
    [InlineData("a.example.com:abc", "Go's SplitHostPort does not check that the port is numeric")]
    [InlineData("[::1]:443", "a bracketed IPv6 address with port")]
    public void HostnameWithPortIsRejected(string hostname, string why)
    {
        var error = ConfigurationText.FirstError($"ingress:\n  - hostname: \"{hostname}\"\n    service: http://web:80\n  - service: http_status:404\n");

        Assert.True(error.Message == "Hostname cannot contain a port", why);
        Assert.Equal("hostname", error.Field);
        Assert.Equal(1, error.RuleNumber);
    }

    [Theory]
    [InlineData("a:b:c.example.com", "too many colons: Go's SplitHostPort fails, so cloudflared sees no port")]
    [InlineData("example.com", "no colon at all")]
    public void HostnameThatGoCannotSplitIsNotAPortError(string hostname, string why)
    {
        Assert.True(ConfigurationText.Validate($"ingress:\n  - hostname: \"{hostname}\"\n    service: http://web:80\n  - service: http_status:404\n").IsValid, why);
    }

    [Theory]
    [InlineData("a.*.example.com", "a wildcard in the middle")]
    [InlineData("**.example.com", "two wildcards")]
    [InlineData("example.*", "a trailing wildcard")]
    public void WildcardOtherThanLeadingIsRejected(string hostname, string why)
    {
        var error = ConfigurationText.FirstError($"ingress:\n  - hostname: \"{hostname}\"\n    service: http://web:80\n  - service: http_status:404\n");

        Assert.True(error.Message.StartsWith("Hostname patterns can have at most one wildcard character", StringComparison.Ordinal), why);
    }

    [Theory]
    [InlineData("*.example.com", "the documented subdomain wildcard")]
    [InlineData("*example.com", "cloudflared only checks that '*' is the first character")]
    public void LeadingWildcardIsAccepted(string hostname, string why)
    {
        Assert.True(ConfigurationText.Validate($"ingress:\n  - hostname: \"{hostname}\"\n    service: http://web:80\n  - service: http_status:404\n").IsValid, why);
    }

    [Theory]
    [InlineData("http_status:404", true, "a normal status")]
    [InlineData("http_status:100", true, "lowest allowed status")]
    [InlineData("http_status:999", true, "highest allowed status")]
    [InlineData("http_status:+404", true, "Go's Atoi accepts a sign")]
    [InlineData("http_status:99", false, "below 100")]
    [InlineData("http_status:1000", false, "above 999")]
    [InlineData("http_status:abc", false, "not a number")]
    [InlineData("http_status:", false, "empty number")]
    [InlineData("http_status: 404", false, "Atoi does not trim spaces")]
    [InlineData("hello_world", true, "the built-in test server")]
    [InlineData("hello-world", true, "the flag spelling is accepted too")]
    [InlineData("bastion", true, "jump host service")]
    [InlineData("socks-proxy", true, "SOCKS proxy service")]
    [InlineData("unix:/var/run/web.sock", true, "unix sockets are not checked")]
    [InlineData("unix+tls:/var/run/web.sock", true, "TLS over a unix socket")]
    [InlineData("http://localhost:8000", true, "a URL with scheme and host")]
    [InlineData("https://immich-server:2283", true, "https origin")]
    [InlineData("ws://web:80", true, "websocket origin")]
    [InlineData("tcp://db:5432", true, "TCP over websocket")]
    [InlineData("ssh://host", true, "ssh gets port 22 by default")]
    [InlineData("rdp://host", true, "rdp gets port 3389 by default")]
    [InlineData("http://localhost:8000?x=1", true, "a query is not a path")]
    [InlineData("localhost:8000", false, "Go reads 'localhost' as the scheme and finds no host")]
    [InlineData("http://localhost:8000/", false, "a trailing slash is a path")]
    [InlineData("http://localhost:8000/api", false, "a path on the origin is not supported")]
    [InlineData("http://", false, "no host")]
    [InlineData("", false, "an empty service has neither scheme nor host")]
    [InlineData("://web", false, "Go: missing protocol scheme")]
    [InlineData("http://[::1", false, "Go: missing ']' in host")]
    [InlineData("http://web:abc", false, "Go: invalid port after host")]
    [InlineData("http://we b:80", false, "Go: invalid character in host name")]
    public void ServiceVerdictMatchesCloudflared(string service, bool valid, string why)
    {
        var result = ConfigurationText.Validate($"ingress:\n  - service: \"{service}\"\n");

        Assert.True(valid == result.IsValid, $"{why}: {string.Join("; ", result.Errors)}");
        if (!valid)
        {
            Assert.Equal("service", result.Errors.First().Field);
            Assert.Equal(1, result.Errors.First().RuleNumber);
        }
    }

    [Fact]
    public void ServiceWithPathUsesCloudflaredsMessage()
    {
        var error = ConfigurationText.FirstError("ingress:\n  - service: http://web:80/api\n");

        Assert.Equal("http://web:80/api is an invalid address, ingress rules don't support proxying to a different path on the origin service. The path will be the same as the eyeball request's path", error.Message);
    }

    [Fact]
    public void ServiceWithoutSchemeUsesCloudflaredsMessage()
    {
        var error = ConfigurationText.FirstError("ingress:\n  - service: web\n");

        Assert.Equal("web is an invalid address, please make sure it has a scheme and a hostname", error.Message);
    }

    [Fact]
    public void StatusOutOfRangeUsesCloudflaredsMessage()
    {
        Assert.Equal("invalid HTTP status code: 42", ConfigurationText.FirstError("ingress:\n  - service: http_status:42\n").Message);
        Assert.Equal("invalid HTTP status code: strconv.Atoi: parsing \"x\": invalid syntax", ConfigurationText.FirstError("ingress:\n  - service: http_status:x\n").Message);
    }

    [Fact]
    public void BastionModeMakesAnyServiceValidBecauseCloudflaredIgnoresTheService()
    {
        Assert.True(ConfigurationText.Validate("ingress:\n  - service: not a url\n    originRequest:\n      bastionMode: true\n").IsValid);
    }

    [Fact]
    public void TopLevelBastionModeIsInheritedByRules()
    {
        Assert.True(ConfigurationText.Validate("originRequest:\n  bastionMode: true\ningress:\n  - service: whatever\n").IsValid);
    }

    [Fact]
    public void SocksProxyWithBadCidrIsRejected()
    {
        var error = ConfigurationText.FirstError("ingress:\n  - service: socks-proxy\n    originRequest:\n      ipRules:\n        - prefix: 10.0.0.0/33\n          allow: true\n");

        Assert.Equal("unable to create ip rule for socks-proxy: unable to parse cidr: 10.0.0.0/33", error.Message);
    }

    [Fact]
    public void SocksProxyWithBadPortIsRejected()
    {
        var error = ConfigurationText.FirstError("ingress:\n  - service: socks-proxy\n    originRequest:\n      ipRules:\n        - prefix: 10.0.0.0/8\n          ports: [80, 70000]\n          allow: true\n");

        Assert.Equal("unable to create ip rule for socks-proxy: invalid port 70000, needs to be between 1 and 65535", error.Message);
    }

    [Fact]
    public void SocksProxyWithoutPrefixIsRejected()
    {
        var error = ConfigurationText.FirstError("ingress:\n  - service: socks-proxy\n    originRequest:\n      ipRules:\n        - allow: true\n");

        Assert.Equal("unable to create ip rule for socks-proxy: no prefix provided", error.Message);
    }

    [Fact]
    public void AccessWithAudTagButNoTeamNameIsRejected()
    {
        var error = ConfigurationText.FirstError("ingress:\n  - service: http://web:80\n    originRequest:\n      access:\n        required: true\n        audTag: [abc]\n");

        Assert.Equal("access.TeamName cannot be blank when access.audTags are present", error.Message);
        Assert.Equal("originRequest.access.teamName", error.Field);
    }

    [Fact]
    public void AccessRequiredWithoutAnythingElseIsAllowedForInitialSetup()
    {
        Assert.True(ConfigurationText.Validate("ingress:\n  - service: http://web:80\n    originRequest:\n      access:\n        required: true\n").IsValid);
    }

    [Fact]
    public void AccessNotRequiredIsNotCheckedEvenWithoutTeamName()
    {
        Assert.True(ConfigurationText.Validate("ingress:\n  - service: http://web:80\n    originRequest:\n      access:\n        audTag: [abc]\n").IsValid);
    }

    [Fact]
    public void TopLevelAccessIsNotCheckedBecauseCloudflaredChecksOnlyTheRulesOwnBlock()
    {
        Assert.True(ConfigurationText.Validate("originRequest:\n  access:\n    required: true\n    audTag: [abc]\ningress:\n  - service: http://web:80\n").IsValid);
    }

    [Theory]
    [InlineData("(?=x)", "lookahead is not RE2")]
    [InlineData("(?<=x)y", "lookbehind is not RE2")]
    [InlineData("(a)\\1", "backreferences are not RE2")]
    [InlineData("a++", "possessive quantifiers are nested repetition in RE2")]
    [InlineData("(?>a)", "atomic groups are not RE2")]
    [InlineData("(abc", "missing closing parenthesis")]
    [InlineData("[a", "missing closing bracket")]
    [InlineData("*a", "repetition without argument")]
    [InlineData("a{1001}", "repeat count above 1000")]
    [InlineData("\\Z", "\\Z is not an RE2 escape")]
    public void InvalidPathRegexIsRejectedWithTheRuleNumber(string path, string why)
    {
        var error = ConfigurationText.FirstError($"ingress:\n  - hostname: a.example.com\n    path: '{path}'\n    service: http://web:80\n  - service: http_status:404\n");

        Assert.True(error.Message.StartsWith("Rule #1 has an invalid regex: error parsing regexp: ", StringComparison.Ordinal), why + ": " + error.Message);
        Assert.Equal("path", error.Field);
    }

    [Fact]
    public void ServiceErrorIsReportedBeforeAHostnameErrorInTheSameRule()
    {
        var error = ConfigurationText.FirstError("ingress:\n  - hostname: a.example.com:80\n    service: nope\n  - service: http_status:404\n");

        Assert.Equal("service", error.Field);
    }

    [Fact]
    public void HostnameErrorIsReportedBeforeAPathErrorInTheSameRule()
    {
        var error = ConfigurationText.FirstError("ingress:\n  - hostname: a.*.com\n    path: '(?=x)'\n    service: http://web:80\n  - service: http_status:404\n");

        Assert.Equal("hostname", error.Field);
    }

    [Fact]
    public void AnEarlierRulesErrorComesBeforeALaterRulesError()
    {
        var result = ConfigurationText.Validate("ingress:\n  - hostname: a.example.com\n    path: '(?=x)'\n    service: http://web:80\n  - hostname: b.example.com:1\n    service: http://web:80\n  - service: http_status:404\n");

        Assert.Equal([1, 2], result.Errors.Select(e => e.RuleNumber!.Value));
    }

    [Fact]
    public void ShadowedRuleIsAWarningNamingTheEarlierRule()
    {
        var result = ConfigurationText.Validate("""
            ingress:
              - hostname: "*.example.com"
                service: http://a:80
              - hostname: app.example.com
                service: http://b:80
              - service: http_status:404
            """);

        Assert.True(result.IsValid);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(2, warning.RuleNumber);
        Assert.Contains("rule #1", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a.example.com", null, "a.example.com", null, true, "the same hostname twice")]
    [InlineData("a.example.com", null, "a.example.com", "/x", true, "no path covers every path")]
    [InlineData("a.example.com", "/x", "a.example.com", "/x", true, "same hostname and same path")]
    [InlineData("*.example.com", null, "*.a.example.com", null, true, "a broader wildcard first")]
    [InlineData("*", "/x", "a.example.com", "/x", true, "any hostname with the same path")]
    [InlineData("a.example.com", "/x", "a.example.com", null, false, "a path does not cover the whole host")]
    [InlineData("a.example.com", "/x", "a.example.com", "/y", false, "different paths")]
    [InlineData("*.a.example.com", null, "*.example.com", null, false, "a narrower wildcard first")]
    [InlineData("*.example.com", null, "example.com", null, false, "a wildcard does not match the bare domain")]
    [InlineData("b.example.com", null, "a.example.com", null, false, "different hostnames")]
    [InlineData("*.example.com", "/x", "a.example.com", null, false, "wildcard with path does not cover all paths")]
    public void ShadowWarningMatchesCoverage(string firstHost, string? firstPath, string secondHost, string? secondPath, bool shadowed, string why)
    {
        var configuration = new TunnelConfiguration
        {
            Ingress =
            [
                new IngressRule { Hostname = firstHost, Path = firstPath, Service = "http://a:80" },
                new IngressRule { Hostname = secondHost, Path = secondPath, Service = "http://b:80" },
                new IngressRule { Service = "http_status:404" },
            ],
        };

        var result = IngressValidator.Validate(configuration);

        Assert.True(result.IsValid, why);
        Assert.True(shadowed == result.Warnings.Any(w => w.RuleNumber == 2), why);
    }

    [Fact]
    public void ShadowCanComeFromTheUnionOfTwoEarlierRulesForAPunycodeHostname()
    {
        var configuration = new TunnelConfiguration
        {
            Ingress =
            [
                new IngressRule { Hostname = "xn--bcher-kva.example", Service = "http://a:80" },
                new IngressRule { Hostname = "bücher.example", Service = "http://b:80" },
                new IngressRule { Hostname = "bücher.example", Service = "http://c:80" },
                new IngressRule { Service = "http_status:404" },
            ],
        };

        var result = IngressValidator.Validate(configuration);

        Assert.DoesNotContain(result.Warnings, w => w.RuleNumber == 2);
        Assert.Contains(result.Warnings, w => w.RuleNumber == 3);
    }

    [Fact]
    public void NoTlsVerifyOnARuleIsAWarning()
    {
        var result = ConfigurationText.Validate("ingress:\n  - service: https://web:443\n    originRequest:\n      noTLSVerify: true\n");

        Assert.True(result.IsValid);
        Assert.Equal("originRequest.noTLSVerify", Assert.Single(result.Warnings).Field);
    }

    [Fact]
    public void NoTlsVerifyAtTopLevelWarnsForEveryRuleThatInheritsIt()
    {
        var result = ConfigurationText.Validate("originRequest:\n  noTLSVerify: true\ningress:\n  - hostname: a.example.com\n    service: https://a:443\n  - service: https://web:443\n    originRequest:\n      noTLSVerify: false\n");

        Assert.Equal(1, Assert.Single(result.Warnings).RuleNumber);
    }

    [Theory]
    [InlineData("http://localhost:8096", true)]
    [InlineData("http://127.0.0.1:8096", true)]
    [InlineData("http://127.0.0.53:80", true)]
    [InlineData("http://[::1]:80", true)]
    [InlineData("http://app.localhost:80", true)]
    [InlineData("http://host.docker.internal:8096", false)]
    [InlineData("http://immich-server:2283", false)]
    public void LoopbackServiceWarnsForAContainerizedConnector(string service, bool warns)
    {
        var result = ConfigurationText.Validate($"ingress:\n  - service: \"{service}\"\n");

        Assert.Equal(warns, result.Warnings.Any(w => w.Field == "service"));
    }

    [Fact]
    public void LoopbackServiceDoesNotWarnForAConnectorOnTheHost()
    {
        Assert.Empty(ConfigurationText.Validate("ingress:\n  - service: http://localhost:8096\n", containerized: false).Warnings);
    }

    [Fact]
    public void IssueTextNamesRuleFieldAndFix()
    {
        var error = ConfigurationText.FirstError("ingress:\n  - hostname: a.example.com:8080\n    service: http://web:80\n  - service: http_status:404\n");

        Assert.Equal("Rule #1 hostname: Hostname cannot contain a port. Remove the port: write 'a.example.com'; the port belongs in the service URL.", error.ToString());
    }

    // cloudflared rejects "https://host" through its port check, so the verdict keeps its wording;
    // the fix must talk about the scheme, not tell the owner to write "https".
    [Fact]
    public void HostnameWithSchemeIsRejectedAndTheFixNamesTheBareHostname()
    {
        var error = ConfigurationText.FirstError("ingress:\n  - hostname: https://jf.example.com/web\n    service: http://web:80\n  - service: http_status:404\n");

        Assert.Equal("Rule #1 hostname: Hostname cannot contain a port. Remove the scheme: write 'jf.example.com'; the scheme belongs in the service URL.", error.ToString());
    }
}
