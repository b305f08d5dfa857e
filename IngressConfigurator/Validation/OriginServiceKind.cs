namespace MediaStack.IngressConfigurator.Validation;

/// <summary>
/// The kinds of origin service cloudflared knows.
/// </summary>
public enum OriginServiceKind
{
    /// <summary>An HTTP origin: <c>http://</c>, <c>https://</c>, <c>ws://</c> or <c>wss://</c>.</summary>
    Http,

    /// <summary>A TCP origin reached over WebSocket: <c>tcp://</c>, <c>ssh://</c>, <c>rdp://</c>, <c>smb://</c> and other schemes.</summary>
    TcpOverWebSocket,

    /// <summary>A Unix socket: <c>unix:</c> or <c>unix+tls:</c>.</summary>
    UnixSocket,

    /// <summary>A fixed HTTP status: <c>http_status:NNN</c>.</summary>
    HttpStatus,

    /// <summary>cloudflared's built-in test server: <c>hello_world</c>.</summary>
    HelloWorld,

    /// <summary>A SOCKS proxy run by cloudflared: <c>socks-proxy</c>.</summary>
    SocksProxy,

    /// <summary>A jump host: <c>bastion</c> or <c>bastionMode: true</c>.</summary>
    Bastion,
}
