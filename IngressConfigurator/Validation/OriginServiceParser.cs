using System.Globalization;
using System.Net;
using System.Net.Sockets;
using MediaStack.IngressConfigurator.Matching;
using MediaStack.IngressConfigurator.Model;

namespace MediaStack.IngressConfigurator.Validation;

/// <summary>
/// Reads a rule's <c>service</c> with cloudflared's checks, in cloudflared's order.
/// </summary>
internal static class OriginServiceParser
{
    public static OriginService? Parse(IngressRule rule, OriginRequest effective, out string? error, out string? fix, bool describe = true)
    {
        error = null;
        fix = null;
        var service = rule.Service ?? string.Empty;
        if (service.StartsWith("unix:", StringComparison.Ordinal))
        {
            return new OriginService(OriginServiceKind.UnixSocket, service, string.Empty);
        }

        if (service.StartsWith("unix+tls:", StringComparison.Ordinal))
        {
            return new OriginService(OriginServiceKind.UnixSocket, service, string.Empty);
        }

        if (service.StartsWith("http_status:", StringComparison.Ordinal))
        {
            var codeText = service["http_status:".Length..];
            if (!TryGoAtoi(codeText, out var code, out var atoiError))
            {
                error = $"invalid HTTP status code: strconv.Atoi: parsing \"{codeText}\": {atoiError}";
                fix = "Write a status code from 100 to 999, for example http_status:404.";
                return null;
            }

            if (code is < 100 or > 999)
            {
                error = $"invalid HTTP status code: {code}";
                fix = "Use a status code from 100 to 999, for example http_status:404.";
                return null;
            }

            return new OriginService(OriginServiceKind.HttpStatus, "http_status:" + code.ToString(CultureInfo.InvariantCulture), string.Empty);
        }

        if (service is "hello-world" or "hello_world")
        {
            return new OriginService(OriginServiceKind.HelloWorld, "hello_world", string.Empty);
        }

        if (service == "socks-proxy")
        {
            foreach (var ipRule in rule.OriginRequest?.IpRules ?? [])
            {
                if (IpRuleError(ipRule) is { } ipError)
                {
                    error = $"unable to create ip rule for socks-proxy: {ipError}";
                    fix = "Give every ipRules entry a prefix in CIDR notation (for example 10.0.0.0/8) and ports from 1 to 65535.";
                    return null;
                }
            }

            return new OriginService(OriginServiceKind.SocksProxy, "socks-proxy", string.Empty);
        }

        if (service == "bastion" || effective.BastionMode == true)
        {
            return new OriginService(OriginServiceKind.Bastion, "bastion", string.Empty);
        }

        if (!GoUrl.TryParse(service, out var url, out var parseError))
        {
            error = parseError;
            fix = "Write the service as a URL such as http://immich-server:2283.";
            return null;
        }

        if (url.Scheme.Length == 0 || url.Hostname.Length == 0)
        {
            error = $"{service} is an invalid address, please make sure it has a scheme and a hostname";
            fix = "Write the service with a scheme and a host, for example http://immich-server:2283.";
            return null;
        }

        if (url.Path.Length > 0)
        {
            error = $"{service} is an invalid address, ingress rules don't support proxying to a different path on the origin service. The path will be the same as the eyeball request's path";
            fix = $"Remove the path '{url.Path}' from the service; use the rule's path field to select requests by path.";
            return null;
        }

        if (url.Scheme is "http" or "https" or "ws" or "wss")
        {
            // Re-serialising the URL is only needed for display (the rule command); validation skips it.
            return new OriginService(OriginServiceKind.Http, describe ? url.ToString() : service, url.Hostname);
        }

        var defaultPort = url.Scheme switch
        {
            "ssh" => "22",
            "rdp" => "3389",
            "smb" => "445",
            "tcp" => "7864",
            _ => null,
        };
        var host = url.Host;
        if (defaultPort is not null && url.Port.Length == 0)
        {
            var bare = url.Hostname;
            host = (bare.Contains(':', StringComparison.Ordinal) ? "[" + bare + "]" : bare) + ":" + defaultPort;
        }

        return new OriginService(OriginServiceKind.TcpOverWebSocket, url.Scheme + "://" + host, url.Hostname);
    }

    private static string? IpRuleError(IpRule ipRule)
    {
        if (string.IsNullOrEmpty(ipRule.Prefix))
        {
            return "no prefix provided";
        }

        if (!IsGoCidr(ipRule.Prefix))
        {
            return $"unable to parse cidr: {ipRule.Prefix}";
        }

        foreach (var port in ipRule.Ports.Order())
        {
            if (port is < 1 or > 65535)
            {
                return $"invalid port {port}, needs to be between 1 and 65535";
            }
        }

        return null;
    }

    private static bool IsGoCidr(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return false;
        }

        var address = text[..slash];
        var bitsText = text[(slash + 1)..];
        if (bitsText.Length == 0 || bitsText.Length > 3 || !bitsText.All(char.IsAsciiDigit) || (bitsText.Length > 1 && bitsText[0] == '0'))
        {
            return false;
        }

        var bits = int.Parse(bitsText, CultureInfo.InvariantCulture);
        if (address.Contains(':', StringComparison.Ordinal))
        {
            return IPAddress.TryParse(address, out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6 &&
                !address.Contains('%', StringComparison.Ordinal) && bits <= 128;
        }

        var octets = address.Split('.');
        return octets.Length == 4 && bits <= 32 && octets.All(octet =>
            octet.Length is > 0 and <= 3 && octet.All(char.IsAsciiDigit) && (octet.Length == 1 || octet[0] != '0') &&
            int.Parse(octet, CultureInfo.InvariantCulture) <= 255);
    }

    private static bool TryGoAtoi(string text, out long value, out string error)
    {
        value = 0;
        error = "invalid syntax";
        var digits = text.StartsWith('+') || text.StartsWith('-') ? text[1..] : text;
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            error = "value out of range";
            return false;
        }

        return true;
    }
}
