using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var builder = Host.CreateApplicationBuilder(args);
builder.AddServiceDefaults();

using var host = builder.Build();
var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("MediaStack.IngressConfigurator");
StartupLog.Started(logger);

internal static partial class StartupLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "IngressConfigurator started with no routes to compile yet.")]
    public static partial void Started(ILogger logger);
}
