namespace MediaStack.IngressConfigurator.Cloudflare;

/// <summary>
/// A hostname of the model that is not published (no DNS record, no tunnel rule), and why.
/// </summary>
/// <param name="Hostname">The hostname.</param>
/// <param name="Reason">A sentence saying why and what to fix.</param>
public sealed record WithheldHostname(string Hostname, string Reason);
