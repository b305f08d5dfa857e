using Microsoft.Extensions.Logging;

namespace MediaStack.IngressConfigurator.Resource;

/// <summary>
/// The configurator's structured log messages.
/// </summary>
internal static partial class ConfiguratorLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Read {RouteCount} tunnel routes for domain {Domain} in {Mode} mode.")]
    public static partial void RoutesRead(ILogger logger, int routeCount, string domain, TunnelMode mode);

    [LoggerMessage(Level = LogLevel.Error, Message = "Setting {Field} is invalid: {Problem}")]
    public static partial void HandoverProblem(ILogger logger, string field, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Tunnel configuration rejected: {Problem}")]
    public static partial void CompileError(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tunnel configuration warning: {Problem}")]
    public static partial void ValidationWarning(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Compiled {RuleCount} ingress rules for {Hostnames}.")]
    public static partial void Compiled(ILogger logger, int ruleCount, IReadOnlyList<string> hostnames);

    [LoggerMessage(Level = LogLevel.Information, Message = "Wrote {RuleCount} ingress rules to {Path}.")]
    public static partial void ConfigurationWritten(ILogger logger, int ruleCount, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Path} already holds these {RuleCount} ingress rules; left unchanged.")]
    public static partial void ConfigurationUnchanged(ILogger logger, string path, int ruleCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The previous {Path} was left as it was; fix the problems above and restart ingress-configurator.")]
    public static partial void PreviousConfigurationKept(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Local preview: no tunnel credentials are set, so cloudflared will not start. Review {Path} to see what would be published.")]
    public static partial void LocalPreview(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Resource '{ResourceName}' is Protected, but without MediaStack:Access:TeamName and MediaStack:Access:AudTag cloudflared cannot check Access tokens for {Hostname}; a locally-managed tunnel will refuse to publish it.")]
    public static partial void AccessNotEnforced(ILogger logger, string resourceName, string hostname);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write {Path}: {Reason}")]
    public static partial void WriteFailed(ILogger logger, string path, string reason);

    [LoggerMessage(Level = LogLevel.Critical, Message = "IngressConfigurator failed unexpectedly.")]
    public static partial void UnexpectedFailure(ILogger logger, Exception exception);
}
