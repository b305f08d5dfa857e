using MediaStack.IngressConfigurator.Cloudflare;
using MediaStack.IngressConfigurator.Resource;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MediaStack.IngressConfigurator;

/// <summary>
/// Runs the configurator as the AppHost's resource (the mode without a command-line verb).
/// </summary>
internal static class ResourceRun
{
    /// <summary>
    /// Starts the host with the service defaults, runs the configurator once and stops the host,
    /// which flushes every span, metric and log to the dashboard before the process exits.
    /// </summary>
    /// <param name="args">The command-line arguments.</param>
    /// <returns>The process exit code.</returns>
    public static async Task<int> RunAsync(string[] args)
    {
        var settings = new HostApplicationBuilderSettings { Args = args, Configuration = new ConfigurationManager() };

        // A one-shot process has no use for watching appsettings files, and the watchers slow its start.
        settings.Configuration.AddInMemoryCollection([new("hostBuilder:reloadConfigOnChange", "false")]);

        var builder = Host.CreateApplicationBuilder(settings);
        builder.AddServiceDefaults(ConfiguratorTelemetry.SourceName);
        builder.Services.Configure<ConsoleLifetimeOptions>(options => options.SuppressStatusMessages = true);

        // Polly and HttpClient log every attempt, and each retry with its full exception; the
        // Cloudflare publisher already reports the outcome in one sentence, so keep only their errors.
        builder.Logging.AddFilter("Polly", LogLevel.Error);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        builder.Services.AddSingleton<ConfiguratorTelemetry>();
        builder.Services.AddSingleton<ConfiguratorRun>();

        if (string.Equals(builder.Configuration["Tunnel:Mode"], nameof(TunnelMode.RemotelyManaged), StringComparison.OrdinalIgnoreCase))
        {
            builder.Services.AddCloudflareApi(builder.Configuration);
            builder.Services.AddSingleton<IRemotePublisher, CloudflareRemotePublisher>();
        }

        using var host = builder.Build();
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        await host.StartAsync();

        var exitCode = await host.Services.GetRequiredService<ConfiguratorRun>().RunAsync(lifetime.ApplicationStopping);

        await host.StopAsync();
        return exitCode;
    }
}
