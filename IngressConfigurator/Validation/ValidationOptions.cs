namespace MediaStack.IngressConfigurator.Validation;

/// <summary>
/// Settings for checks that go beyond cloudflared's own.
/// </summary>
public sealed record ValidationOptions
{
    /// <summary>Gets the default options: the connector runs in a container.</summary>
    public static ValidationOptions Default { get; } = new();

    /// <summary>
    /// Gets a value indicating whether cloudflared runs in a container, where <c>localhost</c> is the
    /// container itself; when set, a <c>localhost</c> or loopback service is reported as a warning.
    /// </summary>
    public bool ContainerizedConnector { get; init; } = true;
}
