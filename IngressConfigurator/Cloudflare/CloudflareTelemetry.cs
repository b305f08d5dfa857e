using System.Diagnostics;

namespace MediaStack.IngressConfigurator.Cloudflare;

/// <summary>
/// The activity source the Cloudflare publisher traces its steps with.
/// </summary>
public static class CloudflareTelemetry
{
    /// <summary>The name of the configurator's activity source.</summary>
    public const string ActivitySourceName = "MediaStack.IngressConfigurator";

    internal static readonly ActivitySource Source = new(ActivitySourceName);
}
