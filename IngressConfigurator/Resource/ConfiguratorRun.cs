using System.Diagnostics;
using System.Text;
using MediaStack.IngressConfigurator.Model;
using MediaStack.IngressConfigurator.Routes;
using MediaStack.IngressConfigurator.Yaml;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace MediaStack.IngressConfigurator.Resource;

/// <summary>
/// One run of the configurator as the AppHost's resource: read the routes the AppHost handed over,
/// compile and validate them, and write <c>config.yml</c> (or hand them to Cloudflare's API).
/// </summary>
public sealed class ConfiguratorRun
{
    /// <summary>The file name cloudflared reads from its configuration folder.</summary>
    public const string ConfigurationFileName = "config.yml";

    private readonly IConfiguration _configuration;
    private readonly ConfiguratorTelemetry _telemetry;
    private readonly ILogger<ConfiguratorRun> _logger;
    private readonly IRemotePublisher? _remotePublisher;

    /// <summary>
    /// Initializes a run over the given configuration.
    /// </summary>
    public ConfiguratorRun(
        IConfiguration configuration,
        ConfiguratorTelemetry telemetry,
        ILogger<ConfiguratorRun> logger,
        IRemotePublisher? remotePublisher = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(telemetry);
        ArgumentNullException.ThrowIfNull(logger);

        _configuration = configuration;
        _telemetry = telemetry;
        _logger = logger;
        _remotePublisher = remotePublisher;
    }

    /// <summary>
    /// Runs every step under one trace and returns the process exit code: 0 when the configuration
    /// was written or applied, 1 when the input was rejected.
    /// </summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        using var run = _telemetry.ActivitySource.StartActivity("ingress-configurator run");
        try
        {
            var exitCode = await RunStepsAsync(run, cancellationToken);
            run?.SetTag("mediastack.outcome", exitCode == 0 ? "succeeded" : "rejected");
            if (exitCode != 0)
            {
                run?.SetStatus(ActivityStatusCode.Error, "The tunnel configuration was rejected.");
            }

            return exitCode;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            run?.SetTag("mediastack.outcome", "failed");
            run?.AddException(exception);
            run?.SetStatus(ActivityStatusCode.Error, exception.Message);
            ConfiguratorLog.UnexpectedFailure(_logger, exception);
            return 1;
        }
    }

    private async Task<int> RunStepsAsync(Activity? run, CancellationToken cancellationToken)
    {
        var settings = new TunnelSettings();
        _configuration.GetSection(TunnelSettings.SectionName).Bind(settings);

        // Step 1: read what the AppHost handed over.
        TunnelMode mode;
        IReadOnlyList<TunnelRoute> routes;
        using (var read = _telemetry.ActivitySource.StartActivity("read routes"))
        {
            var problems = new List<ConfigurationProblem>();
            var readMode = HandoverReader.ReadMode(settings, problems);
            routes = HandoverReader.ReadRoutes(settings, problems);
            if (string.IsNullOrWhiteSpace(settings.OutputDirectory) && readMode != TunnelMode.RemotelyManaged)
            {
                problems.Add(new ConfigurationProblem(
                    null,
                    "Tunnel:OutputDirectory",
                    "No output folder is set for config.yml; the AppHost sets Tunnel__OutputDirectory to the folder mounted into cloudflared."));
            }

            read?.SetTag("mediastack.tunnel.mode", readMode?.ToString() ?? settings.Mode);
            read?.SetTag("mediastack.ingress.route_count", settings.Routes.Count);
            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    ConfiguratorLog.HandoverProblem(_logger, problem.Field, problem.Message);
                }

                return Reject(read, problems.Count, settings.OutputDirectory);
            }

            mode = readMode!.Value;
            var uncheckedRoutes = UncheckedProtectedRoutes(mode, settings, routes);
            if (mode == TunnelMode.LocallyManaged && uncheckedRoutes.Count > 0)
            {
                // Fail closed: a protected route that cloudflared cannot check would be open to anyone
                // if the Access application on Cloudflare's side were missing or misconfigured.
                foreach (var route in uncheckedRoutes)
                {
                    ConfiguratorLog.CompileError(
                        _logger,
                        $"Resource '{route.ResourceName}' is Protected, but the Access team name and audience tag are not set, "
                        + $"so cloudflared would publish {route.Hostname} without checking Access tokens. Set MediaStack:Access:TeamName "
                        + "and MediaStack:Access:AudTag (the audience tag of the Access application covering the hostname), or mark the route Public.");
                }

                return Reject(read, uncheckedRoutes.Count, settings.OutputDirectory);
            }

            foreach (var route in uncheckedRoutes)
            {
                ConfiguratorLog.AccessNotEnforced(_logger, route.ResourceName, route.Hostname);
            }

            run?.SetTag("mediastack.tunnel.mode", mode.ToString());
            ConfiguratorLog.RoutesRead(_logger, routes.Count, settings.Domain ?? "(not set)", mode);
        }

        // Step 2: compile the routes into ordered ingress rules.
        var compileOptions = new CompileOptions
        {
            Domain = settings.Domain,
            TunnelId = mode == TunnelMode.LocallyManaged ? settings.TunnelId : null,
            CredentialsFile = mode == TunnelMode.LocallyManaged ? settings.CredentialsFile : null,
            AccessTeamName = settings.Access.TeamName,
            AccessAudTag = settings.Access.AudTag,
            ContainerizedConnector = true,
        };
        CompileResult ordered;
        using (var compile = _telemetry.ActivitySource.StartActivity("compile"))
        {
            ordered = RouteCompiler.Order(routes, compileOptions);
            if (!ordered.Succeeded)
            {
                return RejectIssues(compile, ordered, settings.OutputDirectory);
            }

            var configuration = ordered.Configuration!;
            var hostnames = PublishedHostnames(configuration);
            compile?.SetTag("mediastack.ingress.rule_count", configuration.Ingress.Count);
            compile?.SetTag("mediastack.ingress.hostnames", hostnames);
            run?.SetTag("mediastack.ingress.rule_count", configuration.Ingress.Count);
            run?.SetTag("mediastack.ingress.hostnames", hostnames);
            ConfiguratorLog.Compiled(_logger, configuration.Ingress.Count, hostnames);
        }

        // Step 3: validate exactly what will be published, with cloudflared's rules.
        TunnelConfiguration validated;
        using (var validate = _telemetry.ActivitySource.StartActivity("validate"))
        {
            var result = RouteCompiler.Validate(ordered, compileOptions);
            validate?.SetTag("mediastack.ingress.warning_count", result.Warnings.Count());
            validate?.SetTag("mediastack.ingress.error_count", result.Errors.Count());
            if (!result.Succeeded)
            {
                return RejectIssues(validate, result, settings.OutputDirectory);
            }

            foreach (var warning in result.Warnings)
            {
                ConfiguratorLog.ValidationWarning(_logger, warning.ToString());
            }

            validated = result.Configuration!;
        }

        if (mode == TunnelMode.RemotelyManaged)
        {
            return await PublishRemotelyAsync(routes, validated, cancellationToken);
        }

        // Step 4: write config.yml where cloudflared reads it.
        using (var write = _telemetry.ActivitySource.StartActivity("write"))
        {
            var path = Path.Combine(settings.OutputDirectory!, ConfigurationFileName);
            write?.SetTag("mediastack.ingress.path", path);
            var bytes = Encoding.UTF8.GetBytes(TunnelConfigurationYaml.Serialize(validated));
            bool changed;
            try
            {
                changed = await AtomicFileWriter.WriteIfChangedAsync(path, bytes, cancellationToken);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                ConfiguratorLog.WriteFailed(_logger, path, exception.Message);
                write?.AddException(exception);
                write?.SetStatus(ActivityStatusCode.Error, exception.Message);
                return 1;
            }

            write?.SetTag("mediastack.ingress.changed", changed);
            _telemetry.RulesWritten.Add(validated.Ingress.Count, new KeyValuePair<string, object?>("mediastack.tunnel.mode", mode.ToString()));
            if (changed)
            {
                ConfiguratorLog.ConfigurationWritten(_logger, validated.Ingress.Count, path);
            }
            else
            {
                ConfiguratorLog.ConfigurationUnchanged(_logger, path, validated.Ingress.Count);
            }

            if (mode == TunnelMode.LocalPreview)
            {
                ConfiguratorLog.LocalPreview(_logger, path);
            }
        }

        return 0;
    }

    private async Task<int> PublishRemotelyAsync(
        IReadOnlyList<TunnelRoute> routes,
        TunnelConfiguration configuration,
        CancellationToken cancellationToken)
    {
        if (_remotePublisher is null)
        {
            throw new InvalidOperationException("Remotely-managed mode needs the Cloudflare publisher to be registered.");
        }

        var succeeded = await _remotePublisher.PublishAsync(routes, configuration, cancellationToken);
        if (succeeded)
        {
            _telemetry.RulesWritten.Add(
                configuration.Ingress.Count,
                new KeyValuePair<string, object?>("mediastack.tunnel.mode", nameof(TunnelMode.RemotelyManaged)));
        }

        return succeeded ? 0 : 1;
    }

    private int RejectIssues(Activity? step, CompileResult result, string? outputDirectory)
    {
        var errors = result.Errors.ToList();
        foreach (var error in errors)
        {
            ConfiguratorLog.CompileError(_logger, error.ToString());
        }

        return Reject(step, errors.Count, outputDirectory);
    }

    private int Reject(Activity? step, int errorCount, string? outputDirectory)
    {
        _telemetry.ValidationErrors.Add(errorCount);
        step?.SetTag("mediastack.ingress.error_count", errorCount);
        step?.SetStatus(ActivityStatusCode.Error, "The tunnel configuration was rejected.");
        if (!string.IsNullOrWhiteSpace(outputDirectory))
        {
            var path = Path.Combine(outputDirectory, ConfigurationFileName);
            if (File.Exists(path))
            {
                ConfiguratorLog.PreviousConfigurationKept(_logger, path);
            }
        }

        return 1;
    }

    // Remotely-managed mode creates the Access applications itself and injects their audience tags.
    private static List<TunnelRoute> UncheckedProtectedRoutes(
        TunnelMode mode,
        TunnelSettings settings,
        IReadOnlyList<TunnelRoute> routes)
    {
        var accessKnown = !string.IsNullOrWhiteSpace(settings.Access.TeamName)
            && !string.IsNullOrWhiteSpace(settings.Access.AudTag);
        if (mode == TunnelMode.RemotelyManaged || accessKnown)
        {
            return [];
        }

        return [.. routes.Where(route => route.Access == RouteAccess.Protected)];
    }

    private static string[] PublishedHostnames(TunnelConfiguration configuration) =>
        configuration.Ingress
            .Where(rule => !string.IsNullOrEmpty(rule.Hostname) && rule.Hostname != "*")
            .Select(rule => rule.Hostname!)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
}
