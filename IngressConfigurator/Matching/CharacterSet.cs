using System.Globalization;
using System.Text;

namespace MediaStack.IngressConfigurator.Matching;

/// <summary>
/// A set of code points and Unicode categories read from a Go character class, written as a .NET class.
/// </summary>
internal sealed class CharacterSet
{
    private const int MaxRune = 0x10FFFF;
    private readonly List<(int Low, int High)> _ranges = [];
    private readonly List<(string Name, bool Negated)> _categories = [];

    public void AddRange(int low, int high) => _ranges.Add((low, high));

    public void AddCategory(string name, bool negated) => _categories.Add((name, negated));

    public void AddNegated(Action<CharacterSet> add)
    {
        var inner = new CharacterSet();
        add(inner);
        var next = 0;
        foreach (var (low, high) in inner.Merged())
        {
            if (low > next)
            {
                _ranges.Add((next, low - 1));
            }

            next = high + 1;
        }

        if (next <= MaxRune)
        {
            _ranges.Add((next, MaxRune));
        }
    }

    public string ToPattern(bool negated, bool foldCase)
    {
        var text = new StringBuilder("[");
        if (negated)
        {
            text.Append('^');
        }

        var any = false;
        foreach (var (low, high) in Merged())
        {
            if (low > 0xFFFF)
            {
                // .NET classes hold UTF-16 units, so a class made only of characters beyond U+FFFF has no equivalent.
                throw new Re2SyntaxException(
                    "unsupported by this tool (characters beyond U+FFFF inside a character class)",
                    char.ConvertFromUtf32(low));
            }

            text.Append(Unit(low));
            if (high > low)
            {
                text.Append('-').Append(Unit(Math.Min(high, 0xFFFF)));
            }

            any = true;
        }

        foreach (var (name, categoryNegated) in _categories)
        {
            text.Append(categoryNegated ? @"\P{" : @"\p{").Append(name).Append('}');
            any = true;
        }

        if (!any)
        {
            // An empty class matches nothing; the complement of every unit says the same in .NET.
            return negated ? @"[\u0000-\uFFFF]" : @"[^\u0000-\uFFFF]";
        }

        text.Append(']');
        return foldCase ? "(?i:" + text + ")" : text.ToString();
    }

    private List<(int Low, int High)> Merged()
    {
        var sorted = _ranges.OrderBy(range => range.Low).ThenBy(range => range.High).ToList();
        var merged = new List<(int Low, int High)>();
        foreach (var range in sorted)
        {
            if (merged.Count > 0 && range.Low <= merged[^1].High + 1)
            {
                merged[^1] = (merged[^1].Low, Math.Max(merged[^1].High, range.High));
            }
            else
            {
                merged.Add(range);
            }
        }

        return merged;
    }

    private static string Unit(int c) => "\\u" + c.ToString("X4", CultureInfo.InvariantCulture);
}
