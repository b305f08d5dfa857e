namespace MediaStack.IngressConfigurator.Cloudflare;

/// <summary>
/// A Cloudflare zone a hostname belongs to.
/// </summary>
/// <param name="Id">The zone id.</param>
/// <param name="Name">The zone's domain name, for example <c>example.com</c>.</param>
internal sealed record CloudflareZone(string Id, string Name);
