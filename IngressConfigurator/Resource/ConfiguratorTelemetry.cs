using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MediaStack.IngressConfigurator.Resource;

/// <summary>
/// The configurator's one trace source and its counters, exported through ServiceDefaults.
/// </summary>
public sealed class ConfiguratorTelemetry : IDisposable
{
    /// <summary>The name of the <see cref="ActivitySource"/> and <see cref="Meter"/> the configurator emits.</summary>
    public const string SourceName = "MediaStack.IngressConfigurator";

    private readonly Meter _meter;

    /// <summary>
    /// Initializes the trace source and the counters.
    /// </summary>
    public ConfiguratorTelemetry(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);

        ActivitySource = new ActivitySource(SourceName);
        _meter = meterFactory.Create(SourceName);
        RulesWritten = _meter.CreateCounter<long>(
            "mediastack.ingress.rules_written",
            unit: "{rule}",
            description: "Ingress rules written to the tunnel configuration.");
        ValidationErrors = _meter.CreateCounter<long>(
            "mediastack.ingress.validation_errors",
            unit: "{error}",
            description: "Problems that stopped a tunnel configuration from being written.");
    }

    /// <summary>Gets the source every step's span is started from.</summary>
    public ActivitySource ActivitySource { get; }

    /// <summary>Gets the counter of rules written.</summary>
    public Counter<long> RulesWritten { get; }

    /// <summary>Gets the counter of validation errors.</summary>
    public Counter<long> ValidationErrors { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        ActivitySource.Dispose();
        _meter.Dispose();
    }
}
