namespace MediaStack.IngressConfigurator.Cloudflare;

/// <summary>
/// The kind of Cloudflare item a plan entry is about.
/// </summary>
public enum CloudflareItemKind
{
    /// <summary>An ingress rule in the tunnel's remote configuration.</summary>
    TunnelRule,

    /// <summary>A DNS record in a zone.</summary>
    DnsRecord,

    /// <summary>A self-hosted Access application.</summary>
    AccessApplication,

    /// <summary>A reusable Access policy.</summary>
    AccessPolicy,

    /// <summary>An Access tag that marks applications as owned.</summary>
    AccessTag,
}
