namespace MediaStack.IngressConfigurator.Matching;

/// <summary>
/// The Go regular-expression flags that can be switched inside an expression with <c>(?imsU)</c>.
/// </summary>
[Flags]
internal enum Re2Flags
{
    None = 0,

    /// <summary><c>i</c>: letters match either case.</summary>
    FoldCase = 1,

    /// <summary><c>m</c>: <c>^</c> and <c>$</c> match at line breaks.</summary>
    MultiLine = 2,

    /// <summary><c>s</c>: <c>.</c> also matches a line break.</summary>
    DotNewLine = 4,

    /// <summary><c>U</c>: repetitions prefer fewer matches (no effect on whether a path matches).</summary>
    NonGreedy = 8,
}
