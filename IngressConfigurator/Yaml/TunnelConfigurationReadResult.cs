using MediaStack.IngressConfigurator.Model;
using MediaStack.IngressConfigurator.Validation;

namespace MediaStack.IngressConfigurator.Yaml;

/// <summary>
/// The outcome of reading a <c>config.yml</c>: the configuration, or the errors that stopped the read,
/// plus warnings about keys cloudflared ignores.
/// </summary>
public sealed record TunnelConfigurationReadResult
{
    /// <summary>Gets the configuration, or <see langword="null"/> when the YAML could not be read.</summary>
    public TunnelConfiguration? Configuration { get; init; }

    /// <summary>Gets the read errors (in file order) and warnings.</summary>
    public IReadOnlyList<ValidationIssue> Issues { get; init; } = [];

    /// <summary>Gets a value indicating whether the file was read.</summary>
    public bool Succeeded => Configuration is not null;
}
