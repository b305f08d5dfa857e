namespace MediaStack.IngressConfigurator.Matching;

/// <summary>
/// Recognises a URL written where a bare hostname belongs, so the fix can name the hostname.
/// </summary>
internal static class HostnameText
{
    /// <summary>
    /// Returns whether <paramref name="text"/> starts with a URL scheme such as <c>https://</c>,
    /// and the host part without scheme, port or path.
    /// </summary>
    public static bool TryRemoveScheme(string text, out string host)
    {
        ArgumentNullException.ThrowIfNull(text);

        var separator = text.IndexOf("://", StringComparison.Ordinal);
        if (separator <= 0)
        {
            host = text;
            return false;
        }

        var rest = text[(separator + 3)..];
        var end = rest.IndexOfAny(['/', ':', '?', '#']);
        host = end < 0 ? rest : rest[..end];
        return true;
    }
}
