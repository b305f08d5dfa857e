namespace MediaStack.IngressConfigurator.Validation;

/// <summary>
/// The outcome of checking a tunnel configuration: errors first in cloudflared's order, then warnings.
/// </summary>
public sealed record ValidationResult
{
    /// <summary>Gets every finding, errors in the order cloudflared would report them, then warnings.</summary>
    public required IReadOnlyList<ValidationIssue> Issues { get; init; }

    /// <summary>Gets the errors, the first being the one cloudflared reports.</summary>
    public IEnumerable<ValidationIssue> Errors => Issues.Where(issue => issue.Severity == IssueSeverity.Error);

    /// <summary>Gets the warnings.</summary>
    public IEnumerable<ValidationIssue> Warnings => Issues.Where(issue => issue.Severity == IssueSeverity.Warning);

    /// <summary>Gets a value indicating whether cloudflared would accept the configuration.</summary>
    public bool IsValid => !Issues.Any(issue => issue.Severity == IssueSeverity.Error);
}
