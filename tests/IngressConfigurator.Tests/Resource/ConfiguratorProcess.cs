using System.Diagnostics;

namespace MediaStack.IngressConfigurator.Tests.Resource;

/// <summary>
/// Runs the built IngressConfigurator as a real process with the environment the AppHost would give it.
/// </summary>
internal static class ConfiguratorProcess
{
    private static readonly TimeSpan _timeout = TimeSpan.FromMinutes(1);

    public static async Task<(int ExitCode, string Output)> RunAsync(
        IReadOnlyDictionary<string, string> environment,
        CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MediaStack.IngressConfigurator.dll"));

        // Start from a clean slate so a developer's own Tunnel__ or OTEL_ variables cannot leak in.
        foreach (var key in start.Environment.Keys.Where(IsInherited).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output + await error);
    }

    private static bool IsInherited(string key) =>
        key.StartsWith("Tunnel__", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("Cloudflare__", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("OTEL_", StringComparison.OrdinalIgnoreCase);
}
