using System.Diagnostics;

namespace MediaStack.IngressConfigurator.Tests.Shared;

/// <summary>
/// Runs the built IngressConfigurator as a real process: a command line as a CI job would, or the
/// resource mode with the environment the AppHost would give it.
/// </summary>
/// <remarks>
/// Linked into each test project that needs it. The process runs with the test project's own
/// runtime configuration and dependency list: a test project that brings the ASP.NET Core framework
/// (the Cloudflare stand-in) replaces packages the configurator's own list expects as files.
/// </remarks>
internal static class ConfiguratorProcess
{
    private static readonly TimeSpan _timeout = TimeSpan.FromMinutes(1);

    /// <summary>Runs the resource mode; returns the exit code and standard output followed by standard error.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(
        IReadOnlyDictionary<string, string> environment,
        CancellationToken cancellationToken)
    {
        var (exitCode, output, error) = await RunAsync([], environment, cancellationToken);
        return (exitCode, output + error);
    }

    /// <summary>Runs the configurator with <paramref name="args"/>; output uses <c>\n</c> line endings.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        IReadOnlyList<string> args,
        IReadOnlyDictionary<string, string> environment,
        CancellationToken cancellationToken)
    {
        var testAssembly = typeof(ConfiguratorProcess).Assembly.GetName().Name;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add("--runtimeconfig");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, $"{testAssembly}.runtimeconfig.json"));
        start.ArgumentList.Add("--depsfile");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, $"{testAssembly}.deps.json"));
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MediaStack.IngressConfigurator.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Start from a clean slate so a developer's own Tunnel__, Cloudflare__ or OTEL_ variables cannot leak in.
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

        return (process.ExitCode, (await output).ReplaceLineEndings("\n"), (await error).ReplaceLineEndings("\n"));
    }

    private static bool IsInherited(string key) =>
        key.StartsWith("Tunnel__", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("Cloudflare__", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("OTEL_", StringComparison.OrdinalIgnoreCase);
}
