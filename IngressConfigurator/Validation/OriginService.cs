namespace MediaStack.IngressConfigurator.Validation;

/// <summary>
/// A rule's service as cloudflared understands it.
/// </summary>
/// <param name="Kind">The kind of service.</param>
/// <param name="Display">The service as cloudflared prints it, for example <c>http_status:404</c> or <c>ssh://host:22</c>.</param>
/// <param name="Hostname">The origin host for URL services, else empty.</param>
public sealed record OriginService(OriginServiceKind Kind, string Display, string Hostname);
