namespace MediaStack.AppHost.Tunnel;

/// <summary>
/// The Access decision a published route carries; the names are the hand-over values.
/// </summary>
internal enum TunnelRouteAccess
{
    /// <summary>No decision; the AppHost rejects such a route at start.</summary>
    Unspecified = 0,

    /// <summary>Only people allowed by the stack's Cloudflare Access policy get in.</summary>
    Protected,

    /// <summary>Anyone on the internet can reach the route; the owner chose this explicitly.</summary>
    Public,
}
