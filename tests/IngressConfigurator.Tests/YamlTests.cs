using MediaStack.IngressConfigurator.Model;
using MediaStack.IngressConfigurator.Validation;
using MediaStack.IngressConfigurator.Yaml;

namespace MediaStack.IngressConfigurator.Tests;

public class YamlTests
{
    private const string FullConfiguration = """
        tunnel: 6ff42ae2-765d-4adf-8112-31c55c1551ef
        credentials-file: /etc/cloudflared/6ff42ae2.json
        metrics: 0.0.0.0:2000
        loglevel: info
        protocol: quic
        no-autoupdate: true
        tag:
          - env=home
        originRequest:
          connectTimeout: 1m0s
          keepAliveConnections: 50
          httpHostHeader: "true"
          noTLSVerify: false
          proxyPort: 8080
          ipRules:
            - prefix: 10.0.0.0/8
              ports: [80, 443]
              allow: true
          access:
            required: true
            teamName: family
            audTag:
              - aud1
        warp-routing:
          connectTimeout: 5s
          maxActiveFlows: 10
        ingress:
          - hostname: immich.example.com
            path: ^/api
            service: http://immich-server:2283
            originRequest:
              tlsTimeout: 10s
              tcpKeepAlive: 1h0m0s
          - hostname: "*.example.com"
            service: http://host.docker.internal:8096
          - service: http_status:404

        """;

    [Fact]
    public void EveryDocumentedFieldIsReadWithItsType()
    {
        var read = TunnelConfigurationYaml.Deserialize(FullConfiguration);

        var configuration = Assert.IsType<TunnelConfiguration>(read.Configuration);
        Assert.Equal("6ff42ae2-765d-4adf-8112-31c55c1551ef", configuration.Tunnel);
        Assert.Equal("/etc/cloudflared/6ff42ae2.json", configuration.CredentialsFile);
        var origin = configuration.OriginRequest!;
        Assert.Equal(GoDuration.FromSeconds(60), origin.ConnectTimeout);
        Assert.False(origin.NoTlsVerify);
        Assert.Equal(50, origin.KeepAliveConnections);
        Assert.Equal("true", origin.HttpHostHeader);
        Assert.Equal(8080u, origin.ProxyPort);
        var ipRule = Assert.Single(origin.IpRules!);
        Assert.Equal("10.0.0.0/8", ipRule.Prefix);
        Assert.Equal([80, 443], ipRule.Ports);
        Assert.True(ipRule.Allow);
        Assert.True(origin.Access!.Required);
        Assert.Equal("family", origin.Access.TeamName);
        Assert.Equal(["aud1"], origin.Access.AudTag);
        Assert.Equal(GoDuration.FromSeconds(5), configuration.WarpRouting!.ConnectTimeout);
        Assert.Equal(10ul, configuration.WarpRouting.MaxActiveFlows);
        Assert.Equal(3, configuration.Ingress.Count);
        Assert.Equal("^/api", configuration.Ingress[0].Path);
        Assert.Equal(GoDuration.FromSeconds(3600), configuration.Ingress[0].OriginRequest!.TcpKeepAlive);
        Assert.Equal("*.example.com", configuration.Ingress[1].Hostname);
        Assert.Equal(["metrics", "loglevel", "protocol", "no-autoupdate", "tag"], configuration.AdditionalSettings.Select(s => s.Key));
    }

    [Fact]
    public void WrittenYamlOfACanonicalFileIsByteIdentical()
    {
        var configuration = TunnelConfigurationYaml.Deserialize(FullConfiguration).Configuration!;

        Assert.Equal(FullConfiguration, TunnelConfigurationYaml.Serialize(configuration));
    }

    [Fact]
    public void WhatIsWrittenReadsBackToTheSameModel()
    {
        var configuration = TunnelConfigurationYaml.Deserialize(FullConfiguration).Configuration!;

        var again = TunnelConfigurationYaml.Deserialize(TunnelConfigurationYaml.Serialize(configuration)).Configuration!;

        Assert.Equal(configuration.Tunnel, again.Tunnel);
        Assert.Equal(configuration.OriginRequest! with { IpRules = null, Access = null }, again.OriginRequest! with { IpRules = null, Access = null });
        Assert.Equal(configuration.Ingress[0] with { OriginRequest = null }, again.Ingress[0] with { OriginRequest = null });
        Assert.Equal(configuration.Ingress[0].OriginRequest, again.Ingress[0].OriginRequest);
        Assert.Equal(configuration.AdditionalSettings.Select(s => s.Key), again.AdditionalSettings.Select(s => s.Key));
    }

    [Fact]
    public void SerializingTwiceGivesTheSameBytes()
    {
        var configuration = new TunnelConfiguration
        {
            Ingress = [new IngressRule { Hostname = "a.example.com", Service = "http://a:80" }, new IngressRule { Service = "http_status:404" }],
        };

        Assert.Equal(TunnelConfigurationYaml.Serialize(configuration), TunnelConfigurationYaml.Serialize(configuration with { }));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("true")]
    [InlineData("123")]
    [InlineData("")]
    [InlineData("*")]
    [InlineData("a: b")]
    [InlineData(" padded ")]
    public void TextThatYamlWouldReadAsSomethingElseIsQuotedAndReadsBack(string hostHeader)
    {
        var configuration = new TunnelConfiguration
        {
            OriginRequest = new OriginRequest { HttpHostHeader = hostHeader },
            Ingress = [new IngressRule { Hostname = hostHeader, Service = "http_status:404" }],
        };

        var again = TunnelConfigurationYaml.Deserialize(TunnelConfigurationYaml.Serialize(configuration)).Configuration!;

        Assert.Equal(hostHeader, again.OriginRequest!.HttpHostHeader);
        Assert.Equal(hostHeader, again.Ingress[0].Hostname);
    }

    [Theory]
    [InlineData("ingress: [", "not valid YAML")]
    [InlineData("ingress:\n  - service: a\n service: b\n", "not valid YAML")]
    [InlineData("just text", "must be a mapping")]
    [InlineData("ingress: abc", "ingress must be a list")]
    [InlineData("ingress:\n  - abc\n", "The rule must be a mapping")]
    [InlineData("ingress:\n  - service: [a]\n", "must be text")]
    [InlineData("originRequest: 5\ningress: []\n", "originRequest must be a mapping")]
    public void MalformedYamlIsAnErrorNotAnException(string yaml, string expected)
    {
        var read = TunnelConfigurationYaml.Deserialize(yaml);

        Assert.False(read.Succeeded);
        Assert.Contains(expected, read.Issues[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidYamlIssueTextStartsWithItsLine()
    {
        var read = TunnelConfigurationYaml.Deserialize("ingress:\n  - service: a\n service: b\n");

        Assert.Matches(@"^Line \d+: The file is not valid YAML", read.Issues[0].ToString());
    }

    [Fact]
    public void TextThatMakesYamlDotNetsScannerThrowIsReportedAsInvalidYaml()
    {
        // YamlDotNet throws InvalidOperationException (not YamlException) for this flow sequence.
        var read = TunnelConfigurationYaml.Deserialize("ingress:\n  - [\n|");

        Assert.False(read.Succeeded);
        Assert.StartsWith("The file is not valid YAML", read.Issues[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateKeyIsAnError()
    {
        var read = TunnelConfigurationYaml.Deserialize("tunnel: a\ntunnel: b\ningress: []\n");

        Assert.False(read.Succeeded);
    }

    [Theory]
    [InlineData("connectTimeout: 30", "originRequest.connectTimeout", "yaml.v3 refuses a bare number for a duration")]
    [InlineData("connectTimeout: 30x", "originRequest.connectTimeout", "unknown unit")]
    [InlineData("noTLSVerify: maybe", "originRequest.noTLSVerify", "not a boolean")]
    [InlineData("noTLSVerify: \"true\"", "originRequest.noTLSVerify", "a quoted true is a string for yaml.v3")]
    [InlineData("keepAliveConnections: many", "originRequest.keepAliveConnections", "not a number")]
    [InlineData("keepAliveConnections: \"5\"", "originRequest.keepAliveConnections", "a quoted number is a string")]
    [InlineData("proxyPort: -1", "originRequest.proxyPort", "unsigned")]
    [InlineData("access: yes", "originRequest.access", "access must be a mapping")]
    [InlineData("access:\n        audTag: abc", "originRequest.access.audTag", "audTag must be a list")]
    public void WrongTypeNamesRuleAndField(string setting, string field, string why)
    {
        var read = TunnelConfigurationYaml.Deserialize($"ingress:\n  - service: http://a:80\n    originRequest:\n      {setting}\n");

        Assert.False(read.Succeeded, why);
        var error = read.Issues[0];
        Assert.Equal(1, error.RuleNumber);
        Assert.Equal(field, error.Field);
        Assert.NotNull(error.Line);
    }

    [Theory]
    [InlineData("noTLSVerify: yes", true)]
    [InlineData("noTLSVerify: off", false)]
    [InlineData("noTLSVerify: True", true)]
    public void YamlOnePointOneBooleansAreAcceptedLikeYamlV3(string setting, bool expected)
    {
        var read = TunnelConfigurationYaml.Deserialize($"ingress:\n  - service: http://a:80\n    originRequest:\n      {setting}\n");

        Assert.Equal(expected, read.Configuration!.Ingress[0].OriginRequest!.NoTlsVerify);
    }

    [Fact]
    public void UnknownRuleKeyIsAWarningLikeCloudflaredsUnusedKeys()
    {
        var read = TunnelConfigurationYaml.Deserialize("ingress:\n  - service: http://a:80\n    hostnmae: a.example.com\n");

        Assert.True(read.Succeeded);
        var warning = Assert.Single(read.Issues);
        Assert.Equal(IssueSeverity.Warning, warning.Severity);
        Assert.Equal("hostnmae", warning.Field);
        Assert.Equal(3, warning.Line);
    }

    [Fact]
    public void UnknownWarpRoutingKeyIsWarnedAboutAndWrittenBack()
    {
        var read = TunnelConfigurationYaml.Deserialize("warp-routing:\n  enabled: true\ningress:\n  - service: http_status:404\n");

        Assert.Equal("warp-routing.enabled", Assert.Single(read.Issues).Field);
        Assert.Contains("  enabled: true\n", TunnelConfigurationYaml.Serialize(read.Configuration!), StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyFileReadsAsAConfigurationWithoutRules()
    {
        var read = TunnelConfigurationYaml.Deserialize(string.Empty);

        Assert.True(read.Succeeded);
        Assert.Empty(read.Configuration!.Ingress);
    }

    [Fact]
    public void MissingFileIsAnErrorNamingThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "config.yml");

        var read = TunnelConfigurationYaml.ReadFile(path);

        Assert.False(read.Succeeded);
        Assert.Contains(path, read.Issues[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RuleSettingsOverrideTopLevelFieldByField()
    {
        var configuration = TunnelConfigurationYaml.Deserialize(FullConfiguration).Configuration!;

        var effective = OriginRequest.Effective(configuration.OriginRequest, configuration.Ingress[0].OriginRequest);

        Assert.Equal(GoDuration.FromSeconds(60), effective.ConnectTimeout);
        Assert.Equal(GoDuration.FromSeconds(3600), effective.TcpKeepAlive);
        Assert.Equal(50, effective.KeepAliveConnections);
        Assert.Equal(GoDuration.FromSeconds(90), effective.KeepAliveTimeout);
        Assert.Equal("127.0.0.1", effective.ProxyAddress);
        Assert.True(effective.Access!.Required);
    }
}
