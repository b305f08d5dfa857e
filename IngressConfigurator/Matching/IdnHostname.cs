using System.Globalization;

namespace MediaStack.IngressConfigurator.Matching;

/// <summary>
/// The ASCII (punycode) form cloudflared derives from a rule's hostname with Go's <c>idna.Lookup</c> profile.
/// </summary>
internal static class IdnHostname
{
    // .NET's IdnMapping and Go's UTS #46 Lookup profile agree on ordinary names; they can differ on deviation
    // characters (such as 'ß') and some joiner and bidi rules.
    private static readonly IdnMapping _mapping = new() { UseStd3AsciiRules = true, AllowUnassigned = false };

    /// <summary>
    /// Returns the lower-case ASCII form, or <see langword="null"/> when the Lookup profile rejects the name
    /// (for example any name with <c>*</c> or <c>_</c>) or the form equals the input.
    /// </summary>
    public static string? AlternativeForm(string hostname)
    {
        if (IsPlainAscii(hostname, out var hasUpper))
        {
            return hasUpper ? hostname.ToLowerInvariant() : null;
        }

        try
        {
            // Lookup maps case before encoding; .NET's IdnMapping does not, so fold first.
            var ascii = _mapping.GetAscii(hostname.ToLowerInvariant());
            return ascii == hostname ? null : ascii;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Converts a hostname to lower-case ASCII, or returns <see langword="null"/> when it is not a valid name.</summary>
    public static string? ToAscii(string hostname)
    {
        if (IsPlainAscii(hostname, out var hasUpper))
        {
            return hasUpper ? hostname.ToLowerInvariant() : hostname;
        }

        try
        {
            return _mapping.GetAscii(hostname.ToLowerInvariant());
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// Reports whether the name is made of non-empty letter-digit-hyphen labels that neither start nor end with a
    /// hyphen and hold no '--', for which the Lookup profile only folds case; anything else takes the full path.
    /// </summary>
    private static bool IsPlainAscii(string hostname, out bool hasUpper)
    {
        hasUpper = false;
        if (hostname.Length == 0 || hostname.Contains("--", StringComparison.Ordinal))
        {
            return false;
        }

        var previous = '.';
        foreach (var c in hostname)
        {
            if (char.IsAsciiLetterUpper(c))
            {
                hasUpper = true;
            }
            else if (c == '.')
            {
                if (previous is '.' or '-')
                {
                    return false;
                }
            }
            else if (c == '-')
            {
                if (previous == '.')
                {
                    return false;
                }
            }
            else if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }

            previous = c;
        }

        return previous is not ('.' or '-');
    }
}
