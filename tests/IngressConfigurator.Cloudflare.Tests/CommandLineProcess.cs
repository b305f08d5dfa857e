using System.Diagnostics;

namespace MediaStack.IngressConfigurator.Cloudflare.Tests;

/// <summary>
/// Runs the built IngressConfigurator's command line as a real process, as a CI job would.
/// </summary>
internal static class CommandLineProcess
{
    private static readonly TimeSpan _timeout = TimeSpan.FromMinutes(1);

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        IReadOnlyList<string> args,
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
        // This folder's own dependency list is used: the ASP.NET Core framework the stand-in brings
        // replaces packages the configurator's list expects to find as files here.
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add("--runtimeconfig");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MediaStack.IngressConfigurator.Cloudflare.Tests.runtimeconfig.json"));
        start.ArgumentList.Add("--depsfile");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MediaStack.IngressConfigurator.Cloudflare.Tests.deps.json"));
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MediaStack.IngressConfigurator.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // A developer's own Tunnel__ or Cloudflare__ variables must not leak into the run.
        foreach (var key in start.Environment.Keys.Where(IsInherited).ToList())
        {
            start.Environment.Remove(key);
        }

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

        return (process.ExitCode, await output, await error);
    }

    private static bool IsInherited(string key) =>
        key.StartsWith("Tunnel__", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("Cloudflare__", StringComparison.OrdinalIgnoreCase);
}
