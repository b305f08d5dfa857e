using Microsoft.Extensions.Logging;

namespace MediaStack.IngressConfigurator.Cloudflare;

/// <summary>
/// The publisher's log messages.
/// </summary>
internal static partial class CloudflareLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Cloudflare publishing refused: {Problem}")]
    public static partial void Refused(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "The Cloudflare API token is valid (status '{Status}').")]
    public static partial void TokenVerified(ILogger logger, string status);

    [LoggerMessage(
        Level = LogLevel.Error,
        Message = "The Cloudflare API token lacks the permission '{Permission}': {Reason}")]
    public static partial void PermissionMissing(ILogger logger, string permission, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Plan: {Change} {Item} '{Name}'. {Detail}")]
    public static partial void PlannedChange(
        ILogger logger,
        PlannedChangeKind change,
        CloudflareItemKind item,
        string name,
        string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plan: conflict on {Item} for '{Hostname}'. {Reason}")]
    public static partial void Conflict(
        ILogger logger,
        CloudflareItemKind item,
        string hostname,
        string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plan: '{Hostname}' is not published. {Reason}")]
    public static partial void Withheld(ILogger logger, string hostname, string reason);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Plan: {Creates} to create, {Updates} to update, {Deletes} to delete, "
            + "{Kept} kept without pruning, {Conflicts} conflicts, {Withheld} hostnames not published.")]
    public static partial void PlanSummary(
        ILogger logger,
        int creates,
        int updates,
        int deletes,
        int kept,
        int conflicts,
        int withheld);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Plan only: nothing was written; set 'Cloudflare:Apply' to true to apply the plan.")]
    public static partial void PlanOnly(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied: {Change} {Item} '{Name}'.")]
    public static partial void Applied(
        ILogger logger,
        PlannedChangeKind change,
        CloudflareItemKind item,
        string name);

    [LoggerMessage(Level = LogLevel.Error, Message = "'{Hostname}' stays unpublished: {Reason}")]
    public static partial void ApplyWithheld(ILogger logger, string hostname, string reason);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Cloudflare publishing finished as {Outcome} after {WriteCalls} write calls.")]
    public static partial void Finished(ILogger logger, CloudflarePublishOutcome outcome, int writeCalls);

    [LoggerMessage(Level = LogLevel.Error, Message = "Cloudflare publishing failed: {Problem}")]
    public static partial void Failed(ILogger logger, string problem);
}
