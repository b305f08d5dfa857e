using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Aspire.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace MediaStack.AppHost.Tests.Run;

/// <summary>
/// Starts the real AppHost in local-preview mode, or in the mode the given settings choose: DCP and
/// the dashboard run, the containers fail for want of a container runtime, and ingress-configurator
/// runs as a real process.
/// </summary>
internal sealed class RunningStack : IAsyncDisposable
{
    private static readonly TimeSpan _startTimeout = TimeSpan.FromMinutes(4);

    private readonly Task _starting;

    private RunningStack(
        DistributedApplication app,
        Task starting,
        DirectoryInfo outputDirectory,
        Uri dashboardUrl,
        string dashboardApiKey)
    {
        DashboardApiKey = dashboardApiKey;
        App = app;
        _starting = starting;
        OutputDirectory = outputDirectory;
        DashboardUrl = dashboardUrl;
    }

    public DistributedApplication App { get; }

    public DirectoryInfo OutputDirectory { get; }

    public Uri DashboardUrl { get; }

    /// <summary>Gets the key the dashboard's telemetry API expects in its <c>x-api-key</c> header.</summary>
    public string DashboardApiKey { get; }

    public string ConfigPath => Path.Combine(OutputDirectory.FullName, "config.yml");

    public static async Task<RunningStack> StartAsync(
        DirectoryInfo outputDirectory,
        IEnumerable<string> settings,
        Action<IDistributedApplicationTestingBuilder>? configure,
        CancellationToken cancellationToken)
    {
        var dashboardUrl = new Uri($"http://127.0.0.1:{FreePort()}");
        var dashboardApiKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        string[] args =
        [
            // No container runtime here: let DCP start anyway so project resources still run.
            "--DcpPublisher:ContainerRuntimeInitializationTimeout=00:00:00",
            "--ASPIRE_ALLOW_UNSECURED_TRANSPORT=true",

            // The dashboard listens where the test asked; the test's free ports are random already.
            "--DcpPublisher:RandomizePorts=false",
            $"--AppHost:DashboardApiKey={dashboardApiKey}",
            $"--ASPNETCORE_URLS={dashboardUrl}",
            $"--ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL=http://127.0.0.1:{FreePort()}",

            // Without its own gRPC port every stack's resources export to localhost:4317, so stacks
            // started in parallel (or by anyone else on the machine) receive each other's telemetry.
            $"--ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL=http://127.0.0.1:{FreePort()}",
            $"--ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL=http://127.0.0.1:{FreePort()}",
            "--Parameters:cloudflare-tunnel-token=",
            "--Parameters:cloudflare-api-token=",
            "--MediaStack:Tunnel:TunnelId=",
            "--MediaStack:Tunnel:CredentialsFile=",
            $"--MediaStack:Tunnel:OutputDirectory={outputDirectory.FullName}",
            .. settings,
        ];

        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            args,
            (options, _) =>
            {
                options.DisableDashboard = false;
                options.AllowUnsecuredTransport = true;
            },
            cancellationToken);
        configure?.Invoke(builder);
        var app = await builder.BuildAsync(cancellationToken);

        // Without a container engine Aspire keeps trying to create the containers, so start-up never
        // reports completion; project resources run meanwhile, and the tests wait on those instead.
        var starting = app.StartAsync(cancellationToken);
        return new RunningStack(app, starting, outputDirectory, dashboardUrl, dashboardApiKey);
    }

    /// <summary>
    /// Gets the task that completes when start-up completes or fails.
    /// </summary>
    public Task Starting => _starting;

    /// <summary>
    /// Waits until ingress-configurator has exited and returns its exit code.
    /// </summary>
    public async Task<int?> WaitForConfiguratorAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_startTimeout);
        var finished = await App.ResourceNotifications.WaitForResourceAsync(
            "ingress-configurator",
            resourceEvent => KnownResourceStates.TerminalStates.Contains(resourceEvent.Snapshot.State?.Text),
            timeout.Token);
        return finished.Snapshot.ExitCode;
    }

    /// <summary>
    /// Reads the console output the dashboard holds for a resource that has finished, waiting at most a minute.
    /// </summary>
    public async Task<string> ReadConsoleLogAsync(string resource, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));

        // Console logs are kept per running instance, whose id DCP gives it (the name plus a suffix).
        var finished = await App.ResourceNotifications.WaitForResourceAsync(
            resource,
            resourceEvent => KnownResourceStates.TerminalStates.Contains(resourceEvent.Snapshot.State?.Text),
            timeout.Token);
        var lines = new List<string>();
        var logs = App.Services.GetRequiredService<ResourceLoggerService>();
        await foreach (var batch in logs.GetAllAsync(finished.ResourceId).WithCancellation(timeout.Token))
        {
            lines.AddRange(batch.Select(line => line.Content));
        }

        return string.Join(Environment.NewLine, lines);
    }

    public async ValueTask DisposeAsync()
    {
        if (_starting.IsFaulted)
        {
            await _starting;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await App.StopAsync(timeout.Token);
        await App.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
