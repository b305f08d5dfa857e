using System.Text.Json.Nodes;
using MediaStack.IngressConfigurator.Routes;

namespace MediaStack.IngressConfigurator.Cloudflare;

/// <summary>
/// One compiled ingress rule the stack wants published through the remotely-managed tunnel.
/// </summary>
/// <param name="ResourceName">The Aspire resource that serves the route.</param>
/// <param name="Hostname">The public hostname, for example <c>immich.example.com</c>.</param>
/// <param name="Path">The optional path regular expression of the rule.</param>
/// <param name="Service">The origin URL as cloudflared sees it.</param>
/// <param name="Access">Whether the hostname sits behind Cloudflare Access.</param>
/// <param name="OriginRequest">
/// The rule's <c>originRequest</c> in the tunnel configuration API's JSON form, or null; the
/// <c>access</c> member is set by the publisher for protected routes.
/// </param>
public sealed record PublishedRoute(
    string ResourceName,
    string Hostname,
    string? Path,
    string Service,
    RouteAccess Access,
    JsonObject? OriginRequest = null);
