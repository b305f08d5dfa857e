namespace MediaStack.IngressConfigurator.Cloudflare;

/// <summary>
/// One entry of the <c>errors</c> array of Cloudflare's response envelope.
/// </summary>
/// <param name="Code">Cloudflare's numeric error code.</param>
/// <param name="Message">Cloudflare's message.</param>
public sealed record CloudflareApiError(int Code, string Message);
