namespace MediaStack.Cloudflare.StandIn;

/// <summary>
/// A fault the Cloudflare stand-in injects into matching requests, a given number of times.
/// </summary>
public sealed class StandInFault
{
    public required string Method { get; init; }

    /// <summary>Gets the text the request path must end with.</summary>
    public required string PathSuffix { get; init; }

    public int StatusCode { get; init; }

    public int ErrorCode { get; init; }

    public string ErrorMessage { get; init; } = "Injected failure.";

    public int? RetryAfterSeconds { get; init; }

    /// <summary>Gets a delay before answering normally, to provoke client timeouts.</summary>
    public TimeSpan? Delay { get; init; }

    public int Times { get; set; } = 1;
}
