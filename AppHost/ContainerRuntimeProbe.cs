using System.ComponentModel;
using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MediaStack.AppHost;

/// <summary>
/// Lets the stack start on a machine without a container engine, so the dashboard and the
/// configurator still run while the containers report that they cannot start.
/// </summary>
/// <remarks>
/// Aspire 13.6 waits for every named volume to be created before it starts anything and stops the
/// whole AppHost when no container engine answers. Without an engine the containers cannot run
/// anyway, so their volume mounts are dropped for that run only; the model keeps them otherwise.
/// </remarks>
internal static partial class ContainerRuntimeProbe
{
    private static readonly TimeSpan _probeTimeout = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Drops named-volume mounts at start when the configured container engine does not answer.
    /// </summary>
    /// <param name="builder">The application builder.</param>
    /// <returns>The same builder.</returns>
    public static IDistributedApplicationBuilder SkipVolumesWithoutContainerRuntime(this IDistributedApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        if (!builder.ExecutionContext.IsRunMode)
        {
            return builder;
        }

        builder.Eventing.Subscribe<BeforeStartEvent>(async (e, cancellationToken) =>
        {
            var runtime = builder.Configuration["DcpPublisher:ContainerRuntime"]
                ?? builder.Configuration["ASPIRE_CONTAINER_RUNTIME"]
                ?? "docker";

            if (await AnswersAsync(runtime, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            var logger = e.Services.GetRequiredService<ILoggerFactory>().CreateLogger("MediaStack.AppHost");
            foreach (var resource in e.Model.Resources)
            {
                var volumes = resource.Annotations.OfType<ContainerMountAnnotation>()
                    .Where(mount => mount.Type == ContainerMountType.Volume)
                    .ToList();

                foreach (var volume in volumes)
                {
                    resource.Annotations.Remove(volume);
                    VolumeSkipped(logger, runtime, volume.Source ?? "(anonymous)", resource.Name);
                }

                // A container whose data volume was left out must never run this time: should the
                // engine come up later in the run, Postgres would otherwise start on an empty disk.
                if (volumes.Count > 0 && !resource.Annotations.OfType<ExplicitStartupAnnotation>().Any())
                {
                    resource.Annotations.Add(new ExplicitStartupAnnotation());
                }
            }
        });

        return builder;
    }

    private static async Task<bool> AnswersAsync(string runtime, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(runtime, "info --format {{.ServerVersion}}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        try
        {
            using var process = Process.Start(startInfo);
            if (process is null)
            {
                return false;
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_probeTimeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // A slow engine (Docker Desktop still starting) is not a missing one: keep the volumes
                // and let Aspire report the engine, rather than risk containers without their data.
                process.Kill(entireProcessTree: true);
                return true;
            }

            return process.ExitCode == 0;
        }
        catch (Win32Exception)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Container engine '{Runtime}' does not answer; volume '{VolumeName}' of '{ResourceName}' is left out of this run so the dashboard and ingress-configurator can start; '{ResourceName}' will not be started in this run. Restart the AppHost once the engine runs.")]
    private static partial void VolumeSkipped(ILogger logger, string runtime, string volumeName, string resourceName);
}
