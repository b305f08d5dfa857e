namespace MediaStack.AppHost.Tunnel;

/// <summary>
/// Reports owner settings or routes that the stack cannot run with; the message says what to fix.
/// </summary>
internal sealed class TunnelSettingsException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="TunnelSettingsException"/> class.</summary>
    public TunnelSettingsException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="TunnelSettingsException"/> class with a message.</summary>
    public TunnelSettingsException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="TunnelSettingsException"/> class with a message and a cause.</summary>
    public TunnelSettingsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
