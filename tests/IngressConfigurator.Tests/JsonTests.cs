using MediaStack.IngressConfigurator.Model;
using MediaStack.IngressConfigurator.Yaml;

namespace MediaStack.IngressConfigurator.Tests;

public class JsonTests
{
    [Fact]
    public void ConfigurationIsWrittenInTheTunnelConfigurationApiShapeWithDurationsInSeconds()
    {
        var configuration = TunnelConfigurationYaml.Deserialize("""
            originRequest:
              connectTimeout: 1m30s
            ingress:
              - hostname: immich.example.com
                service: http://immich-server:2283
                originRequest:
                  noTLSVerify: false
                  keepAliveConnections: 10
                  access:
                    required: true
                    teamName: family
                    audTag: [aud1]
              - service: http_status:404
            """).Configuration!;

        var json = TunnelConfigurationJson.Serialize(configuration);

        Assert.Equal(
            """{"ingress":[{"hostname":"immich.example.com","service":"http://immich-server:2283","originRequest":{"keepAliveConnections":10,"noTLSVerify":false,"access":{"required":true,"teamName":"family","audTag":["aud1"]}}},{"service":"http_status:404"}],"originRequest":{"connectTimeout":90}}""",
            json);
    }

    [Fact]
    public void RuleWithPathIsWrittenWithThePath()
    {
        var json = TunnelConfigurationJson.SerializeRule(new IngressRule { Hostname = "a.example.com", Path = "^/api", Service = "http://a:80" });

        Assert.Equal("""{"hostname":"a.example.com","path":"^/api","service":"http://a:80"}""", json);
    }

    [Fact]
    public void OriginRequestObjectCarriesIpRulesAccessEnvironmentAndSecondsForThePublisher()
    {
        var rule = TunnelConfigurationYaml.Deserialize("""
            ingress:
              - hostname: a.example.com
                service: http://a:80
                originRequest:
                  connectTimeout: 45s
                  proxyPort: 8443
                  ipRules:
                    - prefix: 10.0.0.0/8
                      ports: [80]
                      allow: true
                  access:
                    required: true
                    teamName: family
                    audTag: [aud1]
                    environment: fed
              - service: http_status:404
            """).Configuration!.Ingress[0];

        var json = TunnelConfigurationJson.ToJsonObject(rule.OriginRequest);

        Assert.Equal(
            """{"connectTimeout":45,"proxyPort":8443,"ipRules":[{"prefix":"10.0.0.0/8","ports":[80],"allow":true}],"access":{"required":true,"teamName":"family","audTag":["aud1"],"environment":"fed"}}""",
            json!.ToJsonString());
    }

    [Fact]
    public void EmptyOriginRequestGivesNoObject()
    {
        Assert.Null(TunnelConfigurationJson.ToJsonObject(null));
        Assert.Null(TunnelConfigurationJson.ToJsonObject(new OriginRequest()));
    }
}
