namespace MediaStack.IngressConfigurator.Cloudflare;

/// <summary>
/// API paths shared by the reading and applying steps.
/// </summary>
internal static class CloudflarePublishPaths
{
    public static string TunnelConfiguration(CloudflareOptions options) =>
        $"accounts/{options.AccountId}/cfd_tunnel/{options.TunnelId}/configurations";
}
