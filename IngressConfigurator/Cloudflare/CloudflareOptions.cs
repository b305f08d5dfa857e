namespace MediaStack.IngressConfigurator.Cloudflare;

/// <summary>
/// Settings for publishing routes through a remotely-managed Cloudflare Tunnel.
/// </summary>
public sealed class CloudflareOptions
{
    /// <summary>The configuration section the options are read from.</summary>
    public const string SectionName = "Cloudflare";

    /// <summary>The Cloudflare API address used when none is configured.</summary>
    public static readonly Uri DefaultBaseUrl = new("https://api.cloudflare.com/client/v4/");

    /// <summary>Gets or sets the API token; it is only ever sent in the Authorization header.</summary>
    public string ApiToken { get; set; } = string.Empty;

    /// <summary>Gets or sets the Cloudflare account id that owns the tunnel and Access.</summary>
    public string AccountId { get; set; } = string.Empty;

    /// <summary>Gets or sets the zone id; when empty the zone is resolved from each hostname.</summary>
    public string? ZoneId { get; set; }

    /// <summary>Gets or sets the id (UUID) of the remotely-managed tunnel.</summary>
    public string TunnelId { get; set; } = string.Empty;

    /// <summary>Gets or sets the stack's owner id written into every ownership mark.</summary>
    public string OwnerId { get; set; } = string.Empty;

    /// <summary>Gets the e-mail addresses allowed through Access for protected hostnames.</summary>
    public IList<string> AllowedEmails { get; } = [];

    /// <summary>
    /// Gets or sets the name of an existing reusable Access policy to use instead of
    /// <see cref="AllowedEmails"/>.
    /// </summary>
    public string? AccessPolicyName { get; set; }

    /// <summary>Gets or sets a value indicating whether the plan is applied; the default only plans.</summary>
    public bool Apply { get; set; }

    /// <summary>Gets or sets a value indicating whether owned items whose route left the model are deleted.</summary>
    public bool Prune { get; set; }

    /// <summary>Gets or sets the API base address.</summary>
    public Uri BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>Gets or sets the page size asked for when listing.</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>Gets or sets the Access application session duration.</summary>
    public string SessionDuration { get; set; } = "24h";

    /// <summary>Gets or sets how many times a failed call is retried.</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>Gets or sets the first retry delay; later delays grow exponentially.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the longest <c>Retry-After</c> delay honoured.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets or sets the timeout of one attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Gets or sets the timeout of a call including its retries.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Gets the ownership mark written into DNS record comments.</summary>
    public string OwnershipComment => $"managed-by=mediastack owner={OwnerId}";

    /// <summary>Gets the Access tag that marks applications as owned.</summary>
    public string OwnershipTag => $"mediastack-{OwnerId}";

    /// <summary>Gets the name of the reusable Access policy the stack owns.</summary>
    public string OwnedPolicyName => $"MediaStack allowed e-mails ({OwnerId})";

    /// <summary>Gets the DNS name every published hostname points to.</summary>
    public string TunnelTarget => $"{TunnelId}.cfargotunnel.com";

    /// <summary>
    /// Lists the problems that make the options unusable, each a sentence naming the key.
    /// </summary>
    /// <returns>The problems; empty when the options are usable.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        Require(problems, ApiToken, "ApiToken", "an API token");
        Require(problems, AccountId, "AccountId", "the account id");
        Require(problems, TunnelId, "TunnelId", "the tunnel id");
        Require(problems, OwnerId, "OwnerId", "an owner id (any stable name, for example the household name)");
        // Ids copied wrongly (or the README's placeholders left in) are caught here by key, before
        // Cloudflare answers with an error that does not say which setting was wrong.
        if (!string.IsNullOrWhiteSpace(TunnelId) && !Guid.TryParseExact(TunnelId.Trim(), "D", out _))
        {
            problems.Add($"'Cloudflare:TunnelId' is '{TunnelId}', which is not a tunnel id; copy the UUID from the tunnel's overview page in Zero Trust.");
        }

        CheckHexId(problems, AccountId, "AccountId", "the account id from the dashboard URL or the account's overview page");
        CheckHexId(problems, ZoneId, "ZoneId", "the zone id from the domain's overview page, or leave it empty to look it up");
        if (!string.IsNullOrWhiteSpace(OwnerId) && !OwnerId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            problems.Add($"'Cloudflare:OwnerId' is '{OwnerId}'; use only letters, digits, '-' and '_', for example 'smith-household'.");
        }

        if (PageSize is < 1 or > 1000)
        {
            problems.Add("'Cloudflare:PageSize' must be between 1 and 1000.");
        }

        // Polly's retry strategy rejects zero attempts when the first call is made; saying so here
        // turns that into a refusal that names the key.
        if (MaxRetries < 1)
        {
            problems.Add("'Cloudflare:MaxRetries' must be at least 1.");
        }

        if (!BaseUrl.IsAbsoluteUri || (BaseUrl.Scheme != Uri.UriSchemeHttps && BaseUrl.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add("'Cloudflare:BaseUrl' must be an absolute http or https URL, such as https://api.cloudflare.com/client/v4.");
        }

        return problems;
    }

    private static void CheckHexId(List<string> problems, string? value, string key, string where)
    {
        if (!string.IsNullOrWhiteSpace(value) && (value.Trim().Length != 32 || !value.Trim().All(char.IsAsciiHexDigit)))
        {
            problems.Add($"'Cloudflare:{key}' is '{value}', which is not a Cloudflare id (32 hexadecimal characters); use {where}.");
        }
    }

    private static void Require(List<string> problems, string? value, string key, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"'Cloudflare:{key}' is empty; set it to {what}.");
        }
    }
}
