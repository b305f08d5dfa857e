using MediaStack.IngressConfigurator.Matching;

namespace MediaStack.IngressConfigurator.Tests;

// Verdicts follow Go's regexp/syntax parser with the Perl flags regexp.Compile uses.
public class Re2RegexTests
{
    private static Re2Regex Compile(string pattern)
    {
        Assert.True(Re2Regex.TryCreate(pattern, out var regex, out var error), error);
        return regex!;
    }

    [Theory]
    [InlineData("(?=a)", "invalid or unsupported Perl syntax: `(?=`", "lookahead")]
    [InlineData("(?!a)", "invalid or unsupported Perl syntax: `(?!`", "negative lookahead")]
    [InlineData("(?>a)", "invalid or unsupported Perl syntax: `(?>`", "atomic group")]
    [InlineData("(?#c)", "invalid or unsupported Perl syntax: `(?#`", "comments")]
    [InlineData("(?x)a", "invalid or unsupported Perl syntax: `(?x`", "extended mode is not RE2")]
    [InlineData("(a)\\1", "invalid escape sequence: `\\1`", "backreference")]
    [InlineData("\\k<a>", "invalid escape sequence: `\\k`", ".NET named backreference")]
    [InlineData("a**", "invalid nested repetition operator: `**`", "stacked star")]
    [InlineData("a++", "invalid nested repetition operator: `++`", "possessive plus")]
    [InlineData("a{2}{3}", "invalid nested repetition operator: `{2}{3}`", "stacked counts")]
    [InlineData("a*?+", "invalid nested repetition operator: `*?+`", "lazy then plus")]
    [InlineData("*", "missing argument to repetition operator: `*`", "nothing to repeat")]
    [InlineData("a|*", "missing argument to repetition operator: `*`", "nothing to repeat after bar")]
    [InlineData("(*)", "missing argument to repetition operator: `*`", "nothing to repeat in group")]
    [InlineData("a{1001}", "invalid repeat count: `{1001}`", "count above 1000")]
    [InlineData("a{3,2}", "invalid repeat count: `{3,2}`", "max below min")]
    [InlineData("(a", "missing closing ): `(a`", "unclosed group")]
    [InlineData("a)", "unexpected ): `a)`", "stray close")]
    [InlineData("[a", "missing closing ]: `[a`", "unclosed class")]
    [InlineData("[]", "missing closing ]: `[]`", "']' first is a literal, so the class is open")]
    [InlineData("[z-a]", "invalid character class range: `z-a`", "reversed range")]
    [InlineData("[[:foo:]]", "invalid character class range: `[:foo:]`", "unknown POSIX class")]
    [InlineData("\\p{Foo}", "invalid character class range: `\\p{Foo}`", "unknown Unicode class")]
    [InlineData("a\\", "trailing backslash at end of expression: ``", "trailing backslash")]
    [InlineData("\\Z", "invalid escape sequence: `\\Z`", "\\Z is Perl, not RE2")]
    [InlineData("\\e", "invalid escape sequence: `\\e`", "\\e is not RE2")]
    [InlineData("\\G", "invalid escape sequence: `\\G`", "\\G is not RE2")]
    [InlineData("\\u0041", "invalid escape sequence: `\\u`", "\\u is .NET, not RE2")]
    [InlineData("\\8", "invalid escape sequence: `\\8`", "not octal")]
    [InlineData("(?P<n>a)(?P<n>b)", "duplicate capture group name: `(?P<n>`", "duplicate names")]
    [InlineData("(?P<>a)", "invalid named capture: `(?P<>`", "empty name")]
    [InlineData("(?'n'a)", "invalid or unsupported Perl syntax: `(?'`", ".NET quote-named group")]
    [InlineData("(?i-)a", "invalid or unsupported Perl syntax: `(?i-)`", "dangling negation")]
    public void RejectsWhatGoRejectsWithGosMessage(string pattern, string message, string why)
    {
        Assert.False(Re2Regex.TryCreate(pattern, out _, out var error), why);
        Assert.Equal("error parsing regexp: " + message, error);
    }

    [Theory]
    [InlineData("^/api", "/api/v1", true, "anchored prefix")]
    [InlineData("^/api", "/v1/api", false, "anchor holds")]
    [InlineData("api", "/v1/api/x", true, "unanchored: matches anywhere")]
    [InlineData("/[a-zA-Z]+.html", "/index.html", true, "cloudflared's own documented example")]
    [InlineData("\\.mp4$", "/video.mp4", true, "end anchor")]
    [InlineData("\\.mp4$", "/video.mp4\n", false, "Go's $ is end of text, unlike .NET's")]
    [InlineData("(?m)mp4$", "/video.mp4\n", true, "multi-line $ matches before a newline")]
    [InlineData("^\\d+$", "/123", false, "slash is not a digit")]
    [InlineData("^/\\d+$", "/١٢٣", false, "Go's \\d is ASCII only; these are Arabic-Indic digits")]
    [InlineData("^/\\w+$", "/é", false, "Go's \\w is ASCII only")]
    [InlineData("^/\\pL+$", "/é", true, "Unicode letters via \\pL")]
    [InlineData("^/[[:alpha:]]+$", "/abc", true, "POSIX class")]
    [InlineData("^/[[:^digit:]]+$", "/abc", true, "negated POSIX class")]
    [InlineData("\\Qa.b\\E", "/a.b", true, "quoted literal")]
    [InlineData("\\Qa.b\\E", "/axb", false, "quoted dot is literal")]
    [InlineData("(?i)^/API", "/api", true, "case-insensitive flag")]
    [InlineData("(?i:A)b", "/aB", false, "flag scoped to group")]
    [InlineData("a.c", "a\nc", false, "dot does not match newline")]
    [InlineData("(?s)a.c", "a\nc", true, "s flag lets dot match newline")]
    [InlineData("\\x41", "A", true, "hex escape")]
    [InlineData("\\x{1F600}", "😀", true, "code point beyond U+FFFF")]
    [InlineData("\\101", "A", true, "octal escape")]
    [InlineData("a{2}", "aa", true, "counted repeat")]
    [InlineData("a{,2}", "a{,2}", true, "an invalid count is a literal brace in Go")]
    [InlineData("(?P<name>x)y", "xy", true, "Python-style named group")]
    [InlineData("(?<name>x)y", "xy", true, "named group without P")]
    [InlineData("[]a]", "]", true, "']' first in a class is a literal")]
    [InlineData("[a-]", "-", true, "trailing '-' is a literal")]
    [InlineData("[^a]", "\n", true, "negated class matches newline in Go")]
    [InlineData("\\bfoo\\b", "/foo/", true, "word boundary")]
    [InlineData("a[[:space:]]b", "a\vb", true, "POSIX space includes vertical tab")]
    [InlineData("a\\sb", "a\vb", false, "Perl \\s excludes vertical tab in Go")]
    [InlineData("", "/anything", true, "empty expression matches everything")]
    [InlineData("a|", "/x", true, "empty alternative matches")]
    [InlineData("x*", "", true, "star matches empty")]
    [InlineData("\\P{Any}", "x", false, "nothing matches \\P{Any}")]
    public void MatchesAsGoDoes(string pattern, string input, bool expected, string why)
    {
        Assert.True(expected == Compile(pattern).IsMatch(input), why);
    }

    [Fact]
    public void LargeCountedRepetitionThatGoAcceptsStillCompilesAndMatches()
    {
        var regex = Compile("^/(a{100}){100}$");

        Assert.False(regex.IsNonBacktracking);
        Assert.True(regex.IsMatch("/" + new string('a', 10_000)));
        Assert.False(regex.IsMatch("/" + new string('a', 9_999)));
    }

    [Fact]
    public void LargeCountedRepetitionIsAValidationWarningNotAnError()
    {
        var result = ConfigurationText.Validate("ingress:\n  - hostname: a.example.com\n    path: '(a{100}){100}'\n    service: http://a:80\n  - service: http_status:404\n");

        Assert.True(result.IsValid);
        Assert.Equal("path", Assert.Single(result.Warnings).Field);
    }

    [Fact]
    public void PathologicalPatternDoesNotBacktrack()
    {
        var regex = Compile("^(a+)+$");
        var input = new string('a', 50_000) + "!";

        Assert.False(regex.IsMatch(input));
    }

    [Fact]
    public void NestedQuantifiersThatWouldBeCatastrophicInBacktrackingEnginesAreLinear()
    {
        var regex = Compile("(x+x+)+y");

        Assert.False(regex.IsMatch(new string('x', 20_000)));
    }
}
