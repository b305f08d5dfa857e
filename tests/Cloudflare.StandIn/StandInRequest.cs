namespace MediaStack.Cloudflare.StandIn;

/// <summary>
/// One request the Cloudflare stand-in received.
/// </summary>
public sealed record StandInRequest(DateTimeOffset At, string Method, string Path, int Status);
