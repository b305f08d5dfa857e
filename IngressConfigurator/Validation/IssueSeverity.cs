namespace MediaStack.IngressConfigurator.Validation;

/// <summary>
/// How serious a finding about a tunnel configuration is.
/// </summary>
public enum IssueSeverity
{
    /// <summary>cloudflared would refuse the configuration.</summary>
    Error,

    /// <summary>cloudflared accepts the configuration, but it is almost certainly a mistake.</summary>
    Warning,
}
