namespace MediaStack.IngressConfigurator.Matching;

/// <summary>
/// Splits <c>host:port</c> text exactly as Go's <c>net.SplitHostPort</c> does, which cloudflared uses to
/// reject hostnames with ports and to drop the port from a request's host.
/// </summary>
internal static class HostPort
{
    public static bool TrySplit(string hostPort, out string host, out string port)
    {
        host = string.Empty;
        port = string.Empty;
        var colon = hostPort.LastIndexOf(':');
        if (colon < 0)
        {
            return false;
        }

        string candidate;
        if (hostPort.StartsWith('['))
        {
            var close = hostPort.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                return false;
            }

            if (close + 1 == hostPort.Length || close + 1 != colon)
            {
                return false;
            }

            candidate = hostPort[1..close];
            if (candidate.Contains('[', StringComparison.Ordinal) || hostPort[(close + 1)..].Contains(']', StringComparison.Ordinal))
            {
                return false;
            }
        }
        else
        {
            candidate = hostPort[..colon];
            if (candidate.Contains(':', StringComparison.Ordinal) || candidate.Contains('[', StringComparison.Ordinal) ||
                candidate.Contains(']', StringComparison.Ordinal))
            {
                return false;
            }
        }

        if (hostPort[(colon + 1)..].Contains('[', StringComparison.Ordinal) ||
            hostPort[(colon + 1)..].Contains(']', StringComparison.Ordinal))
        {
            return false;
        }

        host = candidate;
        port = hostPort[(colon + 1)..];
        return true;
    }
}
