using System.Text.RegularExpressions;

namespace MediaStack.IngressConfigurator.Matching;

/// <summary>
/// A Go (RE2) regular expression, checked with RE2's rules and matched without backtracking.
/// </summary>
public sealed class Re2Regex
{
    private readonly Re2Translation _translation;
    private readonly Lazy<Regex?> _regex;

    private Re2Regex(string pattern, Re2Translation translation)
    {
        Pattern = pattern;
        _translation = translation;
        _regex = new Lazy<Regex?>(() => translation.Literal is null ? Build(translation.DotNetPattern!) : null, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Gets the longest time a match may take when the expression needs the backtracking fallback.</summary>
    public static TimeSpan FallbackMatchTimeout { get; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Gets a value indicating whether the expression runs on .NET's non-backtracking engine. Expressions with
    /// large counted repetitions (for example <c>(a{100}){100}</c>) exceed that engine's size limit; they run on
    /// the backtracking engine with <see cref="FallbackMatchTimeout"/> instead.
    /// </summary>
    public bool IsNonBacktracking => _regex.Value is not { } regex || (regex.Options & RegexOptions.NonBacktracking) != 0;

    /// <summary>Gets the expression as written.</summary>
    public string Pattern { get; }

    /// <summary>Gets the equivalent .NET pattern used for matching.</summary>
    public string DotNetPattern => _translation.DotNetPattern!;

    /// <summary>Checks an expression with Go's <c>regexp.Compile</c> rules.</summary>
    /// <param name="pattern">The expression.</param>
    /// <param name="regex">The compiled expression, when valid.</param>
    /// <param name="error">Go's error text, when invalid.</param>
    /// <returns><see langword="true"/> when Go would accept the expression.</returns>
    public static bool TryCreate(string pattern, out Re2Regex? regex, out string? error)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var translation = Re2Translator.Translate(pattern);
        if (translation.Error is not null)
        {
            regex = null;
            error = translation.Error;
            return false;
        }

        regex = new Re2Regex(pattern, translation);
        error = null;
        return true;
    }

    /// <summary>Checks an expression with Go's <c>regexp.Compile</c> rules without preparing it for matching.</summary>
    /// <param name="pattern">The expression.</param>
    /// <param name="error">Go's error text, when invalid.</param>
    /// <returns><see langword="true"/> when Go would accept the expression.</returns>
    public static bool IsValid(string pattern, out string? error)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        error = Re2Translator.IsPlainPath(pattern) ? null : Re2Translator.Translate(pattern).Error;
        return error is null;
    }

    /// <summary>Reports whether the expression matches anywhere in the input, as Go's <c>MatchString</c>.</summary>
    /// <param name="input">The text, for a path rule the request path only.</param>
    /// <returns><see langword="true"/> on a match.</returns>
    /// <exception cref="RegexMatchTimeoutException">
    /// The expression needed the backtracking fallback (see <see cref="IsNonBacktracking"/>) and ran out of time.
    /// </exception>
    public bool IsMatch(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (_translation.Literal is { } literal)
        {
            return _translation.LiteralAtStart
                ? input.StartsWith(literal, StringComparison.Ordinal)
                : input.Contains(literal, StringComparison.Ordinal);
        }

        return _regex.Value!.IsMatch(input);
    }

    private static Regex Build(string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
        }
        catch (NotSupportedException)
        {
            // RE2 accepts these sizes, so rejecting them would disagree with cloudflared; a timeout bounds the risk.
            return new Regex(pattern, RegexOptions.CultureInvariant, FallbackMatchTimeout);
        }
    }

    /// <summary>Returns the expression as written.</summary>
    /// <returns>The pattern.</returns>
    public override string ToString() => Pattern;
}
