using MediaStack.AppHost.Tunnel;
using Microsoft.Extensions.Configuration;

namespace MediaStack.AppHost.Tests;

public class MediaStackSettingsTests
{
    private static readonly string _appHostDirectory = Directory.CreateTempSubdirectory("mediastack-apphost-").FullName;

    [Fact]
    public void FreshMachineGetsLocalPreviewWithDefaultsUnderTheAppHostFolder()
    {
        var settings = Read();

        Assert.Equal(TunnelMode.LocalPreview, settings.Mode);
        Assert.Equal("example.com", settings.Domain);
        Assert.Equal("immich.example.com", settings.ImmichHostname);
        Assert.Equal("jellyfin.example.com", settings.JellyfinHostname);
        Assert.Equal("v3.1.0", settings.ImmichVersion);
        Assert.Equal(Path.Combine(_appHostDirectory, ".mediastack", "cloudflared"), settings.OutputDirectory);
        Assert.Equal(Path.Combine(_appHostDirectory, ".mediastack", "immich-library"), settings.ImmichLibraryPath);
    }

    [Fact]
    public void TunnelIdWithoutCredentialsFileIsRejectedNamingTheSetting()
    {
        var error = Assert.Throws<TunnelSettingsException>(() => Read(("MediaStack:Tunnel:TunnelId", "6ff42ae2-765d-4adf-8112-31c55c1551ef")));

        Assert.StartsWith("Setting 'MediaStack:Tunnel:CredentialsFile' is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CredentialsFileThatDoesNotExistIsRejectedNamingThePath()
    {
        var missing = Path.Combine(_appHostDirectory, "missing.json");

        var error = Assert.Throws<TunnelSettingsException>(() => Read(
            ("MediaStack:Tunnel:TunnelId", "6ff42ae2-765d-4adf-8112-31c55c1551ef"),
            ("MediaStack:Tunnel:CredentialsFile", missing)));

        Assert.Contains($"'{missing}', which does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TunnelTokenWithoutApiTokenIsRejectedNamingTheParameter()
    {
        var error = Assert.Throws<TunnelSettingsException>(() => Read(("Parameters:cloudflare-tunnel-token", "token")));

        Assert.StartsWith("Parameter 'cloudflare-api-token' is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DomainThatIsNotADnsNameIsRejected()
    {
        var error = Assert.Throws<TunnelSettingsException>(() => Read(("MediaStack:Domain", "https://example.com/")));

        Assert.StartsWith("Setting 'MediaStack:Domain' is 'https://example.com/'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MediaStack:Tunnel:TunnelId", "MediaStack:Tunnel:CredentialsFile", "x")]
    [InlineData("MediaStack:Tunnel:CredentialsFile", "MediaStack:Tunnel:TunnelId", "6ff42ae2-765d-4adf-8112-31c55c1551ef")]
    [InlineData("Parameters:cloudflare-api-token", "Parameters:cloudflare-tunnel-token", "token")]
    public void SuggestedUserSecretsCommandsNameTheAppHostProject(string missingKey, string presentKey, string presentValue)
    {
        var error = Assert.Throws<TunnelSettingsException>(() => Read((presentKey, presentValue)));

        Assert.Contains($"'dotnet user-secrets set --project AppHost {missingKey} ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RemotelyManagedTunnelWithoutAccountIdSuggestsCommandsForTheAppHostProject()
    {
        var error = Assert.Throws<TunnelSettingsException>(() => Read(
            ("Parameters:cloudflare-tunnel-token", "token"),
            ("Parameters:cloudflare-api-token", "api-token")));

        Assert.Contains("'dotnet user-secrets set --project AppHost MediaStack:Cloudflare:AccountId <account id>'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'dotnet user-secrets set --project AppHost MediaStack:Tunnel:TunnelId <uuid>'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("api-token", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("example", "which has only one label. Use the owner's full domain, for example 'example.com'.")]
    [InlineData("example.com.", "which starts or ends with a dot. Use the owner's domain without the dot, for example 'example.com'.")]
    [InlineData(".example.com", "which is not a DNS name. Use the owner's domain, for example 'example.com'.")]
    public void DomainNeedsTwoLabelsAndNoLeadingOrTrailingDot(string domain, string reason)
    {
        var error = Assert.Throws<TunnelSettingsException>(() => Read(("MediaStack:Domain", domain)));

        Assert.Equal($"Setting 'MediaStack:Domain' is '{domain}', {reason}", error.Message);
    }

    [Fact]
    public void DomainWithTwoOrMoreLabelsIsAccepted()
    {
        Assert.Equal("family.example.org", Read(("MediaStack:Domain", "family.example.org")).Domain);
        Assert.Equal("example.com", Read(("MediaStack:Domain", "example.com")).Domain);
    }

    [Theory]
    [InlineData("MediaStack:Immich:Hostname", "https://immich.family.example")]
    [InlineData("MediaStack:Immich:Hostname", "immich.family.example:443")]
    [InlineData("MediaStack:Jellyfin:Hostname", "jellyfin.family.example/web")]
    [InlineData("MediaStack:Jellyfin:Hostname", "jellyfin")]
    [InlineData("MediaStack:Jellyfin:Hostname", "jellyfin.family.example.")]
    public void HostnameThatIsNotAPlainDnsNameIsRejectedNamingTheSetting(string key, string hostname)
    {
        var error = Assert.Throws<TunnelSettingsException>(() => Read(("MediaStack:Domain", "family.example"), (key, hostname)));

        var example = key.Contains("Immich", StringComparison.Ordinal) ? "immich.family.example" : "jellyfin.family.example";
        Assert.Equal(
            $"Setting '{key}' is '{hostname}', which is not a plain DNS name with at least two labels. "
            + $"Set it to the host name alone, without scheme, port, path or trailing dot, for example '{example}', or leave it unset.",
            error.Message);
    }

    [Theory]
    [InlineData("MediaStack:Immich:Hostname", "photos.other.org", "immich.family.example")]
    [InlineData("MediaStack:Jellyfin:Hostname", "notfamily.example", "jellyfin.family.example")]
    public void HostnameOutsideTheDomainIsRejectedNamingTheSettingAndTheDomain(string key, string hostname, string example)
    {
        var error = Assert.Throws<TunnelSettingsException>(() => Read(("MediaStack:Domain", "family.example"), (key, hostname)));

        Assert.Equal(
            $"Setting '{key}' is '{hostname}', which is neither the domain 'family.example' set in 'MediaStack:Domain' nor under it. "
            + $"Set it to a name under that domain, for example '{example}', or change 'MediaStack:Domain'.",
            error.Message);
    }

    [Fact]
    public void HostnamesUnderOrEqualToTheDomainAreAccepted()
    {
        var settings = Read(
            ("MediaStack:Domain", "family.example"),
            ("MediaStack:Immich:Hostname", "Photos.Family.Example"),
            ("MediaStack:Jellyfin:Hostname", "family.example"));

        Assert.Equal("Photos.Family.Example", settings.ImmichHostname);
        Assert.Equal("family.example", settings.JellyfinHostname);
    }

    [Fact]
    public void LibraryPathThatDoesNotExistIsRejectedAndNotCreated()
    {
        var missing = Path.Combine(_appHostDirectory, "Phtos");

        var error = Assert.Throws<TunnelSettingsException>(() => Read(("MediaStack:Immich:LibraryPath", missing)));

        Assert.Equal(
            $"Setting 'MediaStack:Immich:LibraryPath' is '{missing}', a folder that does not exist. Create the folder or correct the path.",
            error.Message);
        Assert.False(Directory.Exists(missing));
    }

    [Fact]
    public void RelativeLibraryPathIsCheckedAgainstTheAppHostFolder()
    {
        var error = Assert.Throws<TunnelSettingsException>(() => Read(("MediaStack:Immich:LibraryPath", "missing-library")));
        Directory.CreateDirectory(Path.Combine(_appHostDirectory, "existing-library"));

        var settings = Read(("MediaStack:Immich:LibraryPath", "existing-library"));

        Assert.Contains($"'{Path.Combine(_appHostDirectory, "missing-library")}'", error.Message, StringComparison.Ordinal);
        Assert.Equal(Path.Combine(_appHostDirectory, "existing-library"), settings.ImmichLibraryPath);
    }

    [Fact]
    public void DefaultLibraryPathIsAcceptedBeforeItExists()
    {
        var appHostDirectory = Directory.CreateTempSubdirectory("mediastack-apphost-").FullName;
        var configuration = new ConfigurationBuilder().Build();

        var settings = MediaStackSettings.FromConfiguration(configuration, appHostDirectory);

        Assert.Equal(Path.Combine(appHostDirectory, ".mediastack", "immich-library"), settings.ImmichLibraryPath);
        Assert.False(Directory.Exists(settings.ImmichLibraryPath));
    }

    [Fact]
    public void AllowedEmailsAcceptAListInOneValueOrIndexedEntries()
    {
        var single = Read(("MediaStack:Access:AllowedEmails", "ann@example.com; bob@example.com"));
        var indexed = Read(("MediaStack:Access:AllowedEmails:0", "ann@example.com"), ("MediaStack:Access:AllowedEmails:1", "bob@example.com"));

        Assert.Equal(["ann@example.com", "bob@example.com"], single.AllowedEmails);
        Assert.Equal(["ann@example.com", "bob@example.com"], indexed.AllowedEmails);
    }

    private static MediaStackSettings Read(params (string Key, string Value)[] values)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(pair => new KeyValuePair<string, string?>(pair.Key, pair.Value)))
            .Build();
        return MediaStackSettings.FromConfiguration(configuration, _appHostDirectory);
    }
}
