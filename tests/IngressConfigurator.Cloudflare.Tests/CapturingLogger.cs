using Microsoft.Extensions.Logging;

namespace MediaStack.IngressConfigurator.Cloudflare.Tests;

/// <summary>
/// Writes formatted log lines into its <see cref="CapturingLoggerProvider"/>.
/// </summary>
internal sealed class CapturingLogger(CapturingLoggerProvider provider, string category) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(
        LogLevel logLevel,
        EventId eventId,
        TState state,
        Exception? exception,
        Func<TState, Exception?, string> formatter)
    {
        provider.Lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
