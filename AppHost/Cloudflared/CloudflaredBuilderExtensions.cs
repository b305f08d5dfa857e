using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using MediaStack.AppHost.Tunnel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MediaStack.AppHost.Cloudflared;

/// <summary>
/// Adds the cloudflared container that serves the stack's tunnel.
/// </summary>
internal static class CloudflaredBuilderExtensions
{
    /// <summary>The port of cloudflared's metrics server, which also answers <c>/ready</c>.</summary>
    public const int MetricsPort = 20241;

    /// <summary>The folder inside the container that holds <c>config.yml</c>.</summary>
    public const string ConfigDirectory = "/etc/cloudflared";

    /// <summary>The state the dashboard shows for cloudflared in local preview.</summary>
    public const string LocalPreviewState = "Local preview: no tunnel credentials";

    /// <summary>
    /// Adds cloudflared, configured for the tunnel mode in <paramref name="settings"/>; in local preview
    /// it is added but not started, and the dashboard says why.
    /// </summary>
    /// <param name="builder">The application builder.</param>
    /// <param name="name">The resource name.</param>
    /// <param name="settings">The owner's settings.</param>
    /// <param name="tunnelToken">The tunnel token parameter (remotely-managed mode only).</param>
    /// <returns>The cloudflared container.</returns>
    public static IResourceBuilder<ContainerResource> AddCloudflared(
        this IDistributedApplicationBuilder builder,
        string name,
        MediaStackSettings settings,
        IResourceBuilder<ParameterResource>? tunnelToken = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(settings);

        var cloudflared = builder.AddContainer(name, CloudflaredContainerImageTags.Image, CloudflaredContainerImageTags.Tag)
            .WithImageRegistry(CloudflaredContainerImageTags.Registry)
            .WithContainerRuntimeArgs(
                "--add-host=host.docker.internal:host-gateway",
                $"--user={CloudflaredContainerImageTags.NonRootUser}")
            .WithHttpEndpoint(targetPort: MetricsPort, name: "metrics")
            .WithHttpHealthCheck("/ready", endpointName: "metrics")
            .WithBindMount(settings.OutputDirectory, ConfigDirectory, isReadOnly: true)
            .WithArgs("tunnel", "--no-autoupdate", "--metrics", $"0.0.0.0:{MetricsPort}");

        switch (settings.Mode)
        {
            case TunnelMode.RemotelyManaged:
                ArgumentNullException.ThrowIfNull(tunnelToken);
                cloudflared.WithArgs("run").WithEnvironment("TUNNEL_TOKEN", tunnelToken);
                break;

            case TunnelMode.LocallyManaged:
                cloudflared
                    .WithBindMount(settings.CredentialsFile!, MediaStackSettings.CredentialsFileContainerPath, isReadOnly: true)
                    .WithArgs("--config", $"{ConfigDirectory}/config.yml", "run");
                if (!OperatingSystem.IsWindows()
                    && !File.GetUnixFileMode(settings.CredentialsFile!).HasFlag(UnixFileMode.OtherRead))
                {
                    cloudflared.OnInitializeResource((resource, e, _) =>
                    {
                        TunnelRouteLog.CredentialsNotReadable(e.Logger, settings.CredentialsFile!);
                        return Task.CompletedTask;
                    });
                }

                break;

            default:
                cloudflared
                    .WithArgs("--config", $"{ConfigDirectory}/config.yml", "run")
                    .WithExplicitStart()
                    .WithLocalPreviewNotice(settings);
                break;
        }

        return cloudflared;
    }

    private static IResourceBuilder<ContainerResource> WithLocalPreviewNotice(
        this IResourceBuilder<ContainerResource> builder,
        MediaStackSettings settings)
    {
        var configPath = Path.Combine(settings.OutputDirectory, "config.yml");

        builder.OnInitializeResource((resource, e, cancellationToken) =>
        {
            TunnelRouteLog.LocalPreview(e.Logger, configPath);
            var stopping = e.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;

            // The orchestrator publishes a bare "Not started" once it has created the resource and
            // would overwrite an earlier state, so the reason is added after that.
            _ = Task.Run(
                async () =>
                {
                    await e.Notifications.WaitForResourceAsync(resource.Name, KnownResourceStates.NotStarted, stopping).ConfigureAwait(false);
                    await e.Notifications.PublishUpdateAsync(resource, snapshot => snapshot with
                    {
                        State = new ResourceStateSnapshot(LocalPreviewState, KnownResourceStateStyles.Info),
                        Properties = [.. snapshot.Properties, new ResourcePropertySnapshot("mediastack.tunnel.mode", nameof(TunnelMode.LocalPreview))],
                    }).ConfigureAwait(false);
                },
                stopping);
            return Task.CompletedTask;
        });

        return builder;
    }
}
