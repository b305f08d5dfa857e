using MediaStack.IngressConfigurator.Model;
using MediaStack.IngressConfigurator.Validation;

namespace MediaStack.IngressConfigurator.Routes;

/// <summary>
/// The outcome of compiling routes: a valid configuration, or errors naming the resource and field.
/// </summary>
public sealed record CompileResult
{
    /// <summary>
    /// Gets the ordered configuration (validated, unless it came from <see cref="RouteCompiler.Order"/>
    /// alone), or <see langword="null"/> when there are errors.
    /// </summary>
    public TunnelConfiguration? Configuration { get; init; }

    /// <summary>Gets the resource that serves each rule, in rule order, without the catch-all.</summary>
    public IReadOnlyList<string> RuleResourceNames { get; init; } = [];

    /// <summary>Gets the errors followed by the warnings.</summary>
    public IReadOnlyList<ValidationIssue> Issues { get; init; } = [];

    /// <summary>Gets the errors.</summary>
    public IEnumerable<ValidationIssue> Errors => Issues.Where(issue => issue.Severity == IssueSeverity.Error);

    /// <summary>Gets the warnings.</summary>
    public IEnumerable<ValidationIssue> Warnings => Issues.Where(issue => issue.Severity == IssueSeverity.Warning);

    /// <summary>Gets a value indicating whether a configuration was produced.</summary>
    public bool Succeeded => Configuration is not null;
}
