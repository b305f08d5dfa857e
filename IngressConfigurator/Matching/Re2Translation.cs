namespace MediaStack.IngressConfigurator.Matching;

/// <summary>
/// The result of reading a Go (RE2) regular expression: an equivalent .NET pattern, or Go's error text.
/// </summary>
/// <param name="DotNetPattern">A pattern for .NET's non-backtracking engine with the same match verdicts, when valid.</param>
/// <param name="Error">Go's <c>regexp.Compile</c> error text, when invalid.</param>
/// <param name="Literal">The text to search for when the expression is a plain literal, else <see langword="null"/>.</param>
/// <param name="LiteralAtStart">Whether <paramref name="Literal"/> must be at the start of the input.</param>
internal sealed record Re2Translation(string? DotNetPattern, string? Error, string? Literal, bool LiteralAtStart);
