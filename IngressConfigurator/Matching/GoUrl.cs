using System.Globalization;
using System.Text;

namespace MediaStack.IngressConfigurator.Matching;

/// <summary>
/// A URL split the way Go's <c>net/url.Parse</c> splits it, which is how cloudflared reads services and test URLs.
/// </summary>
/// <remarks>
/// It covers the parts cloudflared's checks depend on (scheme, authority, port, path escapes, opaque form);
/// <see cref="ToString"/> does not re-escape exactly as Go does for unusual characters.
/// </remarks>
internal sealed class GoUrl
{
    private string? _hostname;

    private GoUrl()
    {
    }

    public string Scheme { get; private set; } = string.Empty;

    public string Opaque { get; private set; } = string.Empty;

    public string? UserInfo { get; private set; }

    public string Host { get; private set; } = string.Empty;

    /// <summary>Gets the decoded path, as Go's <c>URL.Path</c>.</summary>
    public string Path { get; private set; } = string.Empty;

    public string RawQuery { get; private set; } = string.Empty;

    public bool ForceQuery { get; private set; }

    public string Fragment { get; private set; } = string.Empty;

    /// <summary>Gets the host without port and without IPv6 brackets, as Go's <c>URL.Hostname()</c>.</summary>
    public string Hostname => _hostname ??= SplitHostPortLoose(Host).Host;

    /// <summary>Gets the port, or empty, as Go's <c>URL.Port()</c>.</summary>
    public string Port => SplitHostPortLoose(Host).Port;

    /// <summary>Parses a URL, returning Go's error text on failure.</summary>
    public static bool TryParse(string raw, out GoUrl url, out string error)
    {
        url = new GoUrl();
        error = string.Empty;
        foreach (var c in raw)
        {
            if (c < 0x20 || c == 0x7f)
            {
                error = $"parse \"{raw}\": net/url: invalid control character in URL";
                return false;
            }
        }

        var hash = raw.IndexOf('#', StringComparison.Ordinal);
        var main = hash >= 0 ? raw[..hash] : raw;
        if (!TryParseMain(main, url, out var inner))
        {
            error = $"parse \"{raw}\": {inner}";
            return false;
        }

        if (hash >= 0)
        {
            if (!TryUnescape(raw[(hash + 1)..], isHost: false, out var fragment, out inner))
            {
                error = $"parse \"{raw}\": {inner}";
                return false;
            }

            url.Fragment = fragment;
        }

        return true;
    }

    /// <summary>Formats the URL roughly as Go's <c>URL.String()</c> does for origin services.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        if (Scheme.Length > 0)
        {
            text.Append(Scheme).Append(':');
        }

        if (Opaque.Length > 0)
        {
            text.Append(Opaque);
        }
        else
        {
            if (Scheme.Length > 0 || Host.Length > 0 || UserInfo is not null)
            {
                text.Append("//");
                if (UserInfo is not null)
                {
                    text.Append(UserInfo).Append('@');
                }

                text.Append(Host);
            }

            text.Append(Path);
        }

        if (ForceQuery || RawQuery.Length > 0)
        {
            text.Append('?').Append(RawQuery);
        }

        if (Fragment.Length > 0)
        {
            text.Append('#').Append(Fragment);
        }

        return text.ToString();
    }

    private static bool TryParseMain(string raw, GoUrl url, out string error)
    {
        error = string.Empty;
        if (raw == "*")
        {
            url.Path = "*";
            return true;
        }

        if (!TryGetScheme(raw, out var scheme, out var rest, out error))
        {
            return false;
        }

        url.Scheme = scheme.ToLowerInvariant();
        if (rest.EndsWith('?') && rest.IndexOf('?', StringComparison.Ordinal) == rest.Length - 1)
        {
            url.ForceQuery = true;
            rest = rest[..^1];
        }
        else
        {
            var question = rest.IndexOf('?', StringComparison.Ordinal);
            if (question >= 0)
            {
                url.RawQuery = rest[(question + 1)..];
                rest = rest[..question];
            }
        }

        if (!rest.StartsWith('/'))
        {
            if (url.Scheme.Length > 0)
            {
                url.Opaque = rest;
                return true;
            }

            var colon = rest.IndexOf(':', StringComparison.Ordinal);
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            if (colon >= 0 && (slash < 0 || colon < slash))
            {
                error = "first path segment in URL cannot contain colon";
                return false;
            }
        }

        if ((url.Scheme.Length > 0 || !rest.StartsWith("///", StringComparison.Ordinal)) &&
            rest.StartsWith("//", StringComparison.Ordinal))
        {
            var authorityAndPath = rest[2..];
            var slash = authorityAndPath.IndexOf('/', StringComparison.Ordinal);
            var authority = slash >= 0 ? authorityAndPath[..slash] : authorityAndPath;
            rest = slash >= 0 ? authorityAndPath[slash..] : string.Empty;
            if (!TryParseAuthority(authority, url, out error))
            {
                return false;
            }
        }

        if (!TryUnescape(rest, isHost: false, out var path, out error))
        {
            return false;
        }

        url.Path = path;
        return true;
    }

    private static bool TryGetScheme(string raw, out string scheme, out string rest, out string error)
    {
        scheme = string.Empty;
        rest = raw;
        error = string.Empty;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (char.IsAsciiLetter(c))
            {
                continue;
            }

            if (char.IsAsciiDigit(c) || c is '+' or '-' or '.')
            {
                if (i == 0)
                {
                    return true;
                }

                continue;
            }

            if (c == ':')
            {
                if (i == 0)
                {
                    error = "missing protocol scheme";
                    return false;
                }

                scheme = raw[..i];
                rest = raw[(i + 1)..];
                return true;
            }

            return true;
        }

        return true;
    }

    private static bool TryParseAuthority(string authority, GoUrl url, out string error)
    {
        error = string.Empty;
        var at = authority.LastIndexOf('@');
        var host = authority;
        if (at >= 0)
        {
            url.UserInfo = authority[..at];
            host = authority[(at + 1)..];
        }

        if (host.StartsWith('['))
        {
            var close = host.LastIndexOf(']');
            if (close < 0)
            {
                error = "missing ']' in host";
                return false;
            }

            var after = host[(close + 1)..];
            if (!IsValidOptionalPort(after))
            {
                error = $"invalid port \"{after}\" after host";
                return false;
            }
        }
        else
        {
            var colon = host.LastIndexOf(':');
            if (colon >= 0 && !IsValidOptionalPort(host[colon..]))
            {
                error = $"invalid port \"{host[colon..]}\" after host";
                return false;
            }
        }

        if (!TryUnescape(host, isHost: true, out var decoded, out error))
        {
            return false;
        }

        url.Host = decoded;
        return true;
    }

    private static bool IsValidOptionalPort(string port)
    {
        if (port.Length == 0)
        {
            return true;
        }

        if (port[0] != ':')
        {
            return false;
        }

        for (var i = 1; i < port.Length; i++)
        {
            if (!char.IsAsciiDigit(port[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryUnescape(string text, bool isHost, out string decoded, out string error)
    {
        error = string.Empty;
        decoded = text;
        if (isHost)
        {
            foreach (var c in text)
            {
                if (c < 0x80 && !char.IsAsciiLetterOrDigit(c) && c is not ('-' or '.') && !"_~!$&'()*+,;=:[]<>\"%".Contains(c, StringComparison.Ordinal))
                {
                    error = $"invalid character \"{c}\" in host name";
                    return false;
                }
            }
        }

        if (!text.Contains('%', StringComparison.Ordinal))
        {
            return true;
        }

        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%')
            {
                if (i + 2 >= text.Length || !char.IsAsciiHexDigit(text[i + 1]) || !char.IsAsciiHexDigit(text[i + 2]))
                {
                    var bad = text[i..Math.Min(text.Length, i + 3)];
                    error = $"invalid URL escape \"{bad}\"";
                    return false;
                }

                bytes.Add(byte.Parse(text.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
            }
        }

        decoded = Encoding.UTF8.GetString(bytes.ToArray());
        return true;
    }

    private static (string Host, string Port) SplitHostPortLoose(string hostPort)
    {
        var colon = hostPort.LastIndexOf(':');
        string host = hostPort;
        var port = string.Empty;
        if (colon >= 0 && colon > hostPort.LastIndexOf(']'))
        {
            host = hostPort[..colon];
            port = hostPort[(colon + 1)..];
        }

        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }

        return (host, port);
    }
}
