using Aspire.Hosting.ApplicationModel;

namespace MediaStack.AppHost.Tunnel;

/// <summary>
/// Gives the address other containers use to reach a container on Aspire's container network.
/// </summary>
internal static class ContainerNetworkAddress
{
    /// <summary>The name containers use to reach the Docker host; needs a host-gateway mapping on Linux.</summary>
    public const string DockerHost = "host.docker.internal";

    /// <summary>
    /// Gets the host name of <paramref name="resource"/> inside the container network.
    /// </summary>
    /// <remarks>
    /// Aspire's orchestrator registers every container on its network under two aliases, the resource
    /// name and <c>&lt;name&gt;.dev.internal</c> (the latter exists for its development certificate).
    /// The bare name is stable, known from compose setups and works without any certificate.
    /// </remarks>
    public static string HostName(IResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return resource.Name;
    }

    /// <summary>
    /// Gets the port the container itself listens on for <paramref name="endpointName"/>.
    /// </summary>
    /// <exception cref="TunnelSettingsException">The endpoint or its target port is missing.</exception>
    public static int TargetPort(IResourceWithEndpoints resource, string endpointName)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentException.ThrowIfNullOrWhiteSpace(endpointName);

        var endpoint = resource.Annotations.OfType<EndpointAnnotation>()
            .FirstOrDefault(candidate => string.Equals(candidate.Name, endpointName, StringComparison.OrdinalIgnoreCase));

        return endpoint?.TargetPort ?? throw new TunnelSettingsException(
            $"Resource '{resource.Name}' has no endpoint '{endpointName}' with a target port; "
            + "add it with WithHttpEndpoint(targetPort: ...) or WithEndpoint.");
    }
}
