namespace MediaStack.IngressConfigurator.Matching;

/// <summary>
/// Signals an invalid Go regular expression; the message is Go's <c>regexp.Compile</c> error text.
/// </summary>
internal sealed class Re2SyntaxException : Exception
{
    public Re2SyntaxException()
    {
    }

    public Re2SyntaxException(string message)
        : base(message)
    {
    }

    public Re2SyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public Re2SyntaxException(string code, string expression)
        : base($"error parsing regexp: {code}: `{expression}`")
    {
    }
}
