using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MediaStack.IngressConfigurator.Cloudflare.Tests;

/// <summary>
/// Keeps every formatted log line (with its exception, if any) so tests can read them.
/// </summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public string AllText => string.Join(Environment.NewLine, Lines);

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void Dispose()
    {
    }
}
