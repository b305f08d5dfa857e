using MediaStack.IngressConfigurator.Matching;

namespace MediaStack.IngressConfigurator.Tests;

// cloudflared adds a rule's idna.Lookup.ToASCII form when it differs from the hostname and Lookup accepts it.
public class IdnHostnameTests
{
    [Theory]
    [InlineData("example.com", null, "already in Lookup form")]
    [InlineData("Example.COM", "example.com", "Lookup folds case")]
    [InlineData("bücher.example", "xn--bcher-kva.example", "Unicode becomes punycode")]
    [InlineData("BÜCHER.example", "xn--bcher-kva.example", "Unicode upper case is folded before encoding")]
    [InlineData("*.bücher.example", null, "Lookup uses STD3 rules, which reject '*'")]
    [InlineData("a_b.example.com", null, "STD3 rejects '_'")]
    [InlineData("-a.example.com", null, "a leading hyphen is rejected")]
    [InlineData("a-b.example.com", null, "an inner hyphen is fine and unchanged")]
    public void AlternativeFormFollowsTheLookupProfile(string hostname, string? expected, string why)
    {
        Assert.True(expected == IdnHostname.AlternativeForm(hostname), why);
    }
}
