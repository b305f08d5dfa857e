namespace MediaStack.IngressConfigurator.Routes;

/// <summary>
/// The Access decision every published route carries.
/// </summary>
public enum RouteAccess
{
    /// <summary>No decision was made; a route in this state is rejected.</summary>
    Unspecified = 0,

    /// <summary>Only people allowed by the stack's Cloudflare Access policy get in.</summary>
    Protected,

    /// <summary>Anyone on the internet can reach the route; chosen explicitly by the owner.</summary>
    Public,
}
