using Aspire.Hosting.ApplicationModel;

namespace MediaStack.AppHost.Tunnel;

/// <summary>
/// Marks a resource as published through the tunnel on a hostname.
/// </summary>
/// <param name="Hostname">The public hostname.</param>
/// <param name="EndpointName">The endpoint that serves the route.</param>
/// <param name="Path">The optional path regular expression.</param>
/// <param name="Access">The Access decision.</param>
/// <param name="OriginRequest">cloudflared <c>originRequest</c> settings as text.</param>
internal sealed record TunnelRouteAnnotation(
    string Hostname,
    string EndpointName,
    string? Path,
    TunnelRouteAccess Access,
    IReadOnlyDictionary<string, string> OriginRequest) : IResourceAnnotation;
