using MediaStack.AppHost.Immich;
using MediaStack.AppHost.Tunnel;
using Microsoft.Extensions.Configuration;

namespace MediaStack.AppHost;

/// <summary>
/// The owner's settings for the stack, read from the AppHost's configuration (user secrets,
/// environment variables or command line) with defaults that run on a fresh machine.
/// </summary>
internal sealed record MediaStackSettings
{
    /// <summary>The configuration section that holds every setting except the parameters.</summary>
    public const string SectionName = "MediaStack";

    /// <summary>The parameter that holds Jellyfin's URL.</summary>
    public const string JellyfinUrlParameter = "jellyfin-url";

    /// <summary>The secret parameter that holds the Immich database password.</summary>
    public const string DatabasePasswordParameter = "immich-db-password";

    /// <summary>The secret parameter that holds the Valkey password.</summary>
    public const string RedisPasswordParameter = "immich-redis-password";

    /// <summary>The secret parameter that holds the tunnel token of a remotely-managed tunnel.</summary>
    public const string TunnelTokenParameter = "cloudflare-tunnel-token";

    /// <summary>The secret parameter that holds the Cloudflare API token of a remotely-managed tunnel.</summary>
    public const string ApiTokenParameter = "cloudflare-api-token";

    /// <summary>
    /// The parameter that holds the owner id written into the ownership mark of every DNS record,
    /// Access application and policy the configurator creates (remotely-managed mode).
    /// </summary>
    public const string OwnerIdParameter = "cloudflare-owner-id";

    /// <summary>Jellyfin's address on a default Windows installation.</summary>
    public const string DefaultJellyfinUrl = "http://localhost:8096";

    /// <summary>The domain used until the owner sets their own.</summary>
    public const string DefaultDomain = "example.com";

    /// <summary>The photo library folder, relative to the AppHost's folder, used until the owner sets their own.</summary>
    public const string DefaultImmichLibraryFolder = ".mediastack/immich-library";

    /// <summary>Where the credentials file appears inside the cloudflared container.</summary>
    public const string CredentialsFileContainerPath = "/run/secrets/cloudflared-credentials.json";

    /// <summary>Gets the owner's domain; every published hostname is it or under it.</summary>
    public required string Domain { get; init; }

    /// <summary>Gets the hostname Immich is published on.</summary>
    public required string ImmichHostname { get; init; }

    /// <summary>Gets the hostname Jellyfin is published on.</summary>
    public required string JellyfinHostname { get; init; }

    /// <summary>Gets the Immich release tag used for the server and machine-learning images.</summary>
    public required string ImmichVersion { get; init; }

    /// <summary>Gets the host folder with the photo library, mounted at <c>/data</c>.</summary>
    public required string ImmichLibraryPath { get; init; }

    /// <summary>Gets the optional time zone handed to Immich as <c>TZ</c>.</summary>
    public string? TimeZone { get; init; }

    /// <summary>Gets the host folder the configurator writes <c>config.yml</c> into.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Gets the tunnel mode chosen from the credentials that are configured.</summary>
    public required TunnelMode Mode { get; init; }

    /// <summary>Gets the tunnel id (locally- and remotely-managed modes).</summary>
    public string? TunnelId { get; init; }

    /// <summary>Gets the host path of the tunnel credentials file (locally-managed mode).</summary>
    public string? CredentialsFile { get; init; }

    /// <summary>Gets the Cloudflare Access team name, when known.</summary>
    public string? AccessTeamName { get; init; }

    /// <summary>Gets the Cloudflare Access application audience tag, when known.</summary>
    public string? AccessAudTag { get; init; }

    /// <summary>Gets the e-mail addresses the Access policy allows.</summary>
    public IReadOnlyList<string> AllowedEmails { get; init; } = [];

    /// <summary>Gets the Cloudflare account id (remotely-managed mode).</summary>
    public string? AccountId { get; init; }

    /// <summary>Gets the Cloudflare zone id of the domain (remotely-managed mode).</summary>
    public string? ZoneId { get; init; }

    /// <summary>Gets a value indicating whether the configurator applies its Cloudflare plan; the default only plans.</summary>
    public bool CloudflareApply { get; init; }

    /// <summary>Gets a value indicating whether applying also deletes owned items whose route left the model.</summary>
    public bool CloudflarePrune { get; init; }

    /// <summary>Gets the name of an existing reusable Access policy used instead of the allowed e-mail addresses.</summary>
    public string? AccessPolicyName { get; init; }

    /// <summary>Gets the Cloudflare API address, when not Cloudflare's own (tests and advanced use only).</summary>
    public Uri? CloudflareBaseUrl { get; init; }

    /// <summary>
    /// Reads the settings, applies defaults and chooses the tunnel mode.
    /// </summary>
    /// <param name="configuration">The AppHost's configuration.</param>
    /// <param name="appHostDirectory">The AppHost's folder; relative paths are resolved against it.</param>
    /// <exception cref="TunnelSettingsException">A setting is missing or inconsistent.</exception>
    public static MediaStackSettings FromConfiguration(IConfiguration configuration, string appHostDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(appHostDirectory);

        var section = configuration.GetSection(SectionName);
        var domain = Trimmed(section["Domain"]) ?? DefaultDomain;
        var tunnelId = Trimmed(section["Tunnel:TunnelId"]);
        var credentialsFile = Trimmed(section["Tunnel:CredentialsFile"]);
        var hasTunnelToken = Trimmed(configuration[$"Parameters:{TunnelTokenParameter}"]) is not null;

        CheckDomain(domain);
        var immichHostname = ReadHostname(section, "Immich:Hostname", domain);
        var jellyfinHostname = ReadHostname(section, "Jellyfin:Hostname", domain);

        var settings = new MediaStackSettings
        {
            Domain = domain,
            ImmichHostname = immichHostname ?? $"immich.{domain}",
            JellyfinHostname = jellyfinHostname ?? $"jellyfin.{domain}",
            ImmichVersion = Trimmed(section["Immich:Version"]) ?? ImmichContainerImageTags.DefaultVersion,
            ImmichLibraryPath = ReadLibraryPath(section, appHostDirectory),
            TimeZone = Trimmed(section["TimeZone"]),
            OutputDirectory = FullPath(section["Tunnel:OutputDirectory"], appHostDirectory, ".mediastack/cloudflared"),
            Mode = ChooseMode(hasTunnelToken, tunnelId, credentialsFile),
            TunnelId = tunnelId,
            CredentialsFile = credentialsFile is null ? null : Path.GetFullPath(credentialsFile, appHostDirectory),
            AccessTeamName = Trimmed(section["Access:TeamName"]),
            AccessAudTag = Trimmed(section["Access:AudTag"]),
            AllowedEmails = ReadList(section.GetSection("Access:AllowedEmails")),
            AccountId = Trimmed(section["Cloudflare:AccountId"]),
            ZoneId = Trimmed(section["Cloudflare:ZoneId"]),
            CloudflareApply = ReadFlag(section, "Cloudflare:Apply"),
            CloudflarePrune = ReadFlag(section, "Cloudflare:Prune"),
            AccessPolicyName = Trimmed(section["Access:PolicyName"]),
            CloudflareBaseUrl = ReadBaseUrl(section, "Cloudflare:BaseUrl"),
        };

        settings.Validate(configuration);
        return settings;
    }

    private static TunnelMode ChooseMode(bool hasTunnelToken, string? tunnelId, string? credentialsFile)
    {
        if (hasTunnelToken)
        {
            return TunnelMode.RemotelyManaged;
        }

        return tunnelId is not null || credentialsFile is not null
            ? TunnelMode.LocallyManaged
            : TunnelMode.LocalPreview;
    }

    private void Validate(IConfiguration configuration)
    {
        if (Mode == TunnelMode.LocallyManaged)
        {
            if (TunnelId is null)
            {
                throw new TunnelSettingsException(
                    $"Setting '{SectionName}:Tunnel:TunnelId' is missing: a locally-managed tunnel needs the tunnel id "
                    + "next to the credentials file. Set it with 'dotnet user-secrets set --project AppHost MediaStack:Tunnel:TunnelId <uuid>'.");
            }

            if (CredentialsFile is null)
            {
                throw new TunnelSettingsException(
                    $"Setting '{SectionName}:Tunnel:CredentialsFile' is missing: a locally-managed tunnel needs its credentials "
                    + "file. Set it with 'dotnet user-secrets set --project AppHost MediaStack:Tunnel:CredentialsFile <path to <uuid>.json>'.");
            }

            if (!File.Exists(CredentialsFile))
            {
                throw new TunnelSettingsException(
                    $"Setting '{SectionName}:Tunnel:CredentialsFile' names '{CredentialsFile}', which does not exist. "
                    + "Point it at the JSON file 'cloudflared tunnel create' wrote.");
            }
        }

        if (Mode == TunnelMode.RemotelyManaged)
        {
            if (Trimmed(configuration[$"Parameters:{ApiTokenParameter}"]) is null)
            {
                throw new TunnelSettingsException(
                    $"Parameter '{ApiTokenParameter}' is missing: a remotely-managed tunnel needs a Cloudflare API token "
                    + $"for ingress-configurator. Set it with 'dotnet user-secrets set --project AppHost Parameters:{ApiTokenParameter} <token>'.");
            }

            if (AccountId is null || TunnelId is null)
            {
                throw new TunnelSettingsException(
                    $"Settings '{SectionName}:Cloudflare:AccountId' and '{SectionName}:Tunnel:TunnelId' are both needed "
                    + "for a remotely-managed tunnel. Set them with 'dotnet user-secrets set --project AppHost MediaStack:Cloudflare:AccountId <account id>' "
                    + "and 'dotnet user-secrets set --project AppHost MediaStack:Tunnel:TunnelId <uuid>'.");
            }
        }
    }

    private static void CheckDomain(string domain)
    {
        var key = $"{SectionName}:Domain";
        if (!Uri.CheckHostName(domain).Equals(UriHostNameType.Dns))
        {
            throw new TunnelSettingsException(
                $"Setting '{key}' is '{domain}', which is not a DNS name. Use the owner's domain, for example 'example.com'.");
        }

        if (domain.StartsWith('.') || domain.EndsWith('.'))
        {
            throw new TunnelSettingsException(
                $"Setting '{key}' is '{domain}', which starts or ends with a dot. Use the owner's domain without the dot, for example 'example.com'.");
        }

        if (!domain.Contains('.', StringComparison.Ordinal))
        {
            throw new TunnelSettingsException(
                $"Setting '{key}' is '{domain}', which has only one label. Use the owner's full domain, for example 'example.com'.");
        }
    }

    private static string? ReadHostname(IConfigurationSection section, string key, string domain)
    {
        var hostname = Trimmed(section[key]);
        if (hostname is null)
        {
            return null;
        }

        var fullKey = $"{SectionName}:{key}";
        var example = $"{key.Split(':')[0].ToLowerInvariant()}.{domain}";
        if (!Uri.CheckHostName(hostname).Equals(UriHostNameType.Dns)
            || hostname.StartsWith('.')
            || hostname.EndsWith('.')
            || !hostname.Contains('.', StringComparison.Ordinal))
        {
            throw new TunnelSettingsException(
                $"Setting '{fullKey}' is '{hostname}', which is not a plain DNS name with at least two labels. "
                + $"Set it to the host name alone, without scheme, port, path or trailing dot, for example '{example}', or leave it unset.");
        }

        if (!string.Equals(hostname, domain, StringComparison.OrdinalIgnoreCase)
            && !hostname.EndsWith($".{domain}", StringComparison.OrdinalIgnoreCase))
        {
            throw new TunnelSettingsException(
                $"Setting '{fullKey}' is '{hostname}', which is neither the domain '{domain}' set in '{SectionName}:Domain' nor under it. "
                + $"Set it to a name under that domain, for example '{example}', or change '{SectionName}:Domain'.");
        }

        return hostname;
    }

    private static string ReadLibraryPath(IConfigurationSection section, string appHostDirectory)
    {
        const string key = "Immich:LibraryPath";
        var defaultPath = Path.GetFullPath(DefaultImmichLibraryFolder, appHostDirectory);
        var path = FullPath(section[key], appHostDirectory, DefaultImmichLibraryFolder);

        // Only the default folder is created on start; creating an owner's path would turn a typo
        // into an empty photo library somewhere unexpected.
        var comparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        if (!string.Equals(path, defaultPath, comparison) && !Directory.Exists(path))
        {
            throw new TunnelSettingsException(
                $"Setting '{SectionName}:{key}' is '{path}', a folder that does not exist. Create the folder or correct the path.");
        }

        return path;
    }

    private static bool ReadFlag(IConfigurationSection section, string key)
    {
        var text = Trimmed(section[key]);
        if (text is null)
        {
            return false;
        }

        if (bool.TryParse(text, out var flag))
        {
            return flag;
        }

        throw new TunnelSettingsException(
            $"Setting '{SectionName}:{key}' is '{text}', which is neither true nor false. Set it to true or false.");
    }

    private static Uri? ReadBaseUrl(IConfigurationSection section, string key)
    {
        var text = Trimmed(section[key]);
        if (text is null)
        {
            return null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
        {
            return url;
        }

        throw new TunnelSettingsException(
            $"Setting '{SectionName}:{key}' is '{text}', which is not an absolute http or https URL. "
            + "Leave it unset to use Cloudflare's API, or give the full address ending in '/client/v4/'.");
    }

    private static string? Trimmed(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string FullPath(string? configured, string appHostDirectory, string fallback) =>
        Path.GetFullPath(Trimmed(configured) ?? fallback, appHostDirectory);

    private static string[] ReadList(IConfigurationSection section)
    {
        // Accept both "a@x, b@y" in one value (easy with user-secrets) and indexed children.
        var values = section.Value is { } single
            ? single.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : section.GetChildren().Select(child => child.Value).OfType<string>();

        return [.. values.Where(value => !string.IsNullOrWhiteSpace(value)).Select(value => value.Trim())];
    }
}
