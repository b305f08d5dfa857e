using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MediaStack.IngressConfigurator;

/// <summary>
/// Runs the configurator as the AppHost's resource (the mode without a command-line verb).
/// </summary>
internal static partial class ResourceRun
{
    /// <summary>Starts the host with the service defaults, logs that it started and exits.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <returns>The process exit code.</returns>
    public static Task<int> RunAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.AddServiceDefaults();

        using var host = builder.Build();
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("MediaStack.IngressConfigurator");
        Started(logger);
        return Task.FromResult(0);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "IngressConfigurator started with no routes to compile yet.")]
    private static partial void Started(ILogger logger);
}
