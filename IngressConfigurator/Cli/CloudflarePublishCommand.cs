using MediaStack.IngressConfigurator.Cloudflare;
using MediaStack.IngressConfigurator.Resource;
using MediaStack.IngressConfigurator.Routes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MediaStack.IngressConfigurator.Cli;

/// <summary>
/// The <c>plan</c> and <c>apply</c> verbs: read the routes and Cloudflare settings the way the
/// AppHost hands them over (<c>Tunnel:*</c> and <c>Cloudflare:*</c>, from a settings file and
/// environment variables), compile and validate them, and put them through the Cloudflare publisher.
/// </summary>
internal static class CloudflarePublishCommand
{
    /// <summary>Runs one plan or apply and returns the exit code: 0 on success, 1 otherwise.</summary>
    /// <param name="apply">Whether the plan is applied; when false nothing is written.</param>
    /// <param name="prune">Whether owned items whose route left the model are deleted.</param>
    /// <param name="settingsFile">An optional JSON file with the settings; environment variables override it.</param>
    /// <param name="output">Where the plan and the outcome go.</param>
    /// <param name="error">Where problems go.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(
        bool apply,
        bool prune,
        FileInfo? settingsFile,
        TextWriter output,
        TextWriter error,
        CancellationToken cancellationToken)
    {
        var configuration = ReadConfiguration(settingsFile, error);
        if (configuration is null)
        {
            return 1;
        }

        var routes = CompileRoutes(configuration, error);
        if (routes is null)
        {
            return 1;
        }

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCloudflareApi(configuration);
        await using var provider = services.BuildServiceProvider();

        // The verb decides, not the settings: a CI job that runs 'plan' must never write, even
        // when the environment it inherits says Cloudflare:Apply=true.
        var options = provider.GetRequiredService<IOptions<CloudflareOptions>>().Value;
        options.Apply = apply;
        options.Prune = prune;

        await output.WriteLineAsync(
            $"{(apply ? "Applying" : "Planning")} {routes.Count} routes on tunnel {options.TunnelId}"
            + $"{(prune ? ", pruning owned items whose route is gone" : string.Empty)}:");
        foreach (var route in routes)
        {
            var path = route.Path is null ? string.Empty : $" path {route.Path}";
            await output.WriteLineAsync($"  {route.Hostname}{path} -> {route.Service} ({route.Access}, {route.ResourceName})");
        }

        var publisher = provider.GetRequiredService<CloudflareTunnelPublisher>();
        var result = await publisher.RunAsync(routes, options, cancellationToken);
        if (result.Plan is { } plan)
        {
            await output.WriteLineAsync("Plan:");
            foreach (var line in plan.ToString().Split(Environment.NewLine))
            {
                await output.WriteLineAsync($"  {line}");
            }
        }

        foreach (var problem in result.Problems)
        {
            await error.WriteLineAsync(problem);
        }

        await output.WriteLineAsync(result.Outcome switch
        {
            CloudflarePublishOutcome.Planned => "Plan only: nothing was written. Run 'apply' to make these changes.",
            CloudflarePublishOutcome.Applied => $"Applied with {result.WriteCalls} write calls.",
            CloudflarePublishOutcome.PartiallyApplied =>
                $"Partly applied with {result.WriteCalls} write calls; the hostnames above stay unpublished. Fix the problems and run 'apply' again.",
            CloudflarePublishOutcome.Refused => "Refused before writing anything; fix the problems above and run again.",
            _ when result.WriteCalls == 0 => "Failed before writing anything; fix the problems above and run again.",
            _ => $"Failed after {result.WriteCalls} write calls; the next 'apply' continues from there.",
        });
        return result.Succeeded ? 0 : 1;
    }

    private static IConfiguration? ReadConfiguration(FileInfo? settingsFile, TextWriter error)
    {
        var builder = new ConfigurationBuilder();
        if (settingsFile is not null)
        {
            if (!settingsFile.Exists)
            {
                error.WriteLine($"Settings file '{settingsFile.FullName}' does not exist; give the path of a JSON file with 'Tunnel' and 'Cloudflare' sections.");
                return null;
            }

            builder.AddJsonFile(settingsFile.FullName, optional: false, reloadOnChange: false);
        }

        builder.AddEnvironmentVariables();
        try
        {
            return builder.Build();
        }
        catch (Exception exception) when (exception is FormatException or InvalidDataException or IOException)
        {
            error.WriteLine($"Settings file '{settingsFile?.FullName}' could not be read: {exception.Message}");
            return null;
        }
    }

    private static IReadOnlyList<PublishedRoute>? CompileRoutes(IConfiguration configuration, TextWriter error)
    {
        var settings = new TunnelSettings();
        configuration.GetSection(TunnelSettings.SectionName).Bind(settings);

        var problems = new List<ConfigurationProblem>();
        var routes = HandoverReader.ReadRoutes(settings, problems);
        if (settings.Routes.Count == 0)
        {
            problems.Add(new ConfigurationProblem(
                null,
                "Tunnel:Routes",
                "No routes are set; give them as Tunnel:Routes:N:ResourceName, Hostname, Service and Access."));
        }

        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                error.WriteLine($"Setting {problem.Field} is invalid: {problem.Message}");
            }

            return null;
        }

        var compiled = RouteCompiler.Compile(routes, new CompileOptions
        {
            Domain = settings.Domain,
            AccessTeamName = settings.Access.TeamName,
            AccessAudTag = settings.Access.AudTag,
            ContainerizedConnector = true,
        });
        var errors = compiled.Errors.ToList();
        if (!compiled.Succeeded || errors.Count > 0)
        {
            foreach (var issue in errors)
            {
                error.WriteLine($"Tunnel configuration rejected: {issue}");
            }

            return null;
        }

        return CloudflareRemotePublisher.ToPublishedRoutes(routes, compiled.Configuration!);
    }
}
