using System.Globalization;
using System.Text;

namespace MediaStack.IngressConfigurator.Matching;

/// <summary>
/// Reads Go's regular-expression syntax (RE2 with Go's Perl flags) and writes an equivalent .NET pattern.
/// Everything RE2 rejects is rejected with Go's error text; constructs whose meaning differs in .NET
/// (<c>$</c>, <c>\d</c>, <c>\w</c>, <c>\s</c>, POSIX classes, <c>\Q…\E</c>, flags) are rewritten.
/// </summary>
internal sealed class Re2Translator
{
    private const int MaxRepeat = 1000;
    private const int MaxNesting = 1000;

    // Go's limit on compiled program size (128 MiB of 40-byte instructions); estimated here from the tree.
    private const long MaxSize = 128L * 1024 * 1024 / 40;

    private static readonly HashSet<string> _generalCategories = new(StringComparer.Ordinal)
    {
        "C", "Cc", "Cf", "Co", "Cs", "L", "Ll", "Lm", "Lo", "Lt", "Lu", "M", "Mc", "Me", "Mn",
        "N", "Nd", "Nl", "No", "P", "Pc", "Pd", "Pe", "Pf", "Pi", "Po", "Ps", "S", "Sc", "Sk", "Sm", "So",
        "Z", "Zl", "Zp", "Zs",
    };

    private static readonly HashSet<string> _scripts = new(
        ("Adlam Ahom Anatolian_Hieroglyphs Arabic Armenian Avestan Balinese Bamum Bassa_Vah Batak Bengali " +
        "Bhaiksuki Bopomofo Brahmi Braille Buginese Buhid Canadian_Aboriginal Carian Caucasian_Albanian Chakma " +
        "Cham Cherokee Chorasmian Common Coptic Cuneiform Cypriot Cypro_Minoan Cyrillic Deseret Devanagari " +
        "Dives_Akuru Dogra Duployan Egyptian_Hieroglyphs Elbasan Elymaic Ethiopic Georgian Glagolitic Gothic " +
        "Grantha Greek Gujarati Gunjala_Gondi Gurmukhi Han Hangul Hanifi_Rohingya Hanunoo Hatran Hebrew Hiragana " +
        "Imperial_Aramaic Inherited Inscriptional_Pahlavi Inscriptional_Parthian Javanese Kaithi Kannada Katakana " +
        "Kawi Kayah_Li Kharoshthi Khitan_Small_Script Khmer Khojki Khudawadi Lao Latin Lepcha Limbu Linear_A " +
        "Linear_B Lisu Lycian Lydian Mahajani Makasar Malayalam Mandaic Manichaean Marchen Masaram_Gondi " +
        "Medefaidrin Meetei_Mayek Mende_Kikakui Meroitic_Cursive Meroitic_Hieroglyphs Miao Modi Mongolian Mro " +
        "Multani Myanmar Nabataean Nag_Mundari Nandinagari New_Tai_Lue Newa Nko Nushu Nyiakeng_Puachue_Hmong " +
        "Ogham Ol_Chiki Old_Hungarian Old_Italic Old_North_Arabian Old_Permic Old_Persian Old_Sogdian " +
        "Old_South_Arabian Old_Turkic Old_Uyghur Oriya Osage Osmanya Pahawh_Hmong Palmyrene Pau_Cin_Hau Phags_Pa " +
        "Phoenician Psalter_Pahlavi Rejang Runic Samaritan Saurashtra Sharada Shavian Siddham SignWriting Sinhala " +
        "Sogdian Sora_Sompeng Soyombo Sundanese Syloti_Nagri Syriac Tagalog Tagbanwa Tai_Le Tai_Tham Tai_Viet " +
        "Takri Tamil Tangsa Tangut Telugu Thaana Thai Tibetan Tifinagh Tirhuta Toto Ugaritic Vai Vithkuqi Wancho " +
        "Warang_Citi Yezidi Yi Zanabazar_Square").Split(' '),
        StringComparer.Ordinal);

    private readonly string _pattern;
    private int _position;
    private int _depth;
    private bool _literalOnly = true;
    private bool _literalAtStart;
    private readonly StringBuilder _literal = new();

    private Re2Translator(string pattern) => _pattern = pattern;

    /// <summary>Translates a Go regular expression.</summary>
    public static Re2Translation Translate(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (TryTranslatePlainPath(pattern) is { } plain)
        {
            return plain;
        }

        var translator = new Re2Translator(pattern);
        try
        {
            var (text, size) = translator.ParseAlternation(Re2Flags.None, topLevel: true);
            if (size > MaxSize)
            {
                throw new Re2SyntaxException("expression too large", pattern);
            }

            var literal = translator._literalOnly ? translator._literal.ToString() : null;
            return new Re2Translation(text, null, literal, literal is not null && translator._literalAtStart);
        }
        catch (Re2SyntaxException exception)
        {
            return new Re2Translation(null, exception.Message, null, false);
        }
    }

    private bool AtEnd => _position >= _pattern.Length;

    // Most path rules are plain text such as ^/api/v2; they need no parsing and match as a prefix or substring.
    public static bool IsPlainPath(string pattern)
    {
        var body = pattern.StartsWith('^') ? pattern.AsSpan(1) : pattern.AsSpan();
        foreach (var c in body)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('/' or '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    private static Re2Translation? TryTranslatePlainPath(string pattern)
    {
        if (!IsPlainPath(pattern))
        {
            return null;
        }

        var atStart = pattern.StartsWith('^');
        var literal = atStart ? pattern[1..] : pattern;
        return new Re2Translation(atStart ? @"\A" + literal : literal, null, literal, atStart);
    }

    private char Current => _pattern[_position];

    private (string Text, long Size) ParseAlternation(Re2Flags flags, bool topLevel)
    {
        var branches = new List<string>();
        long size = 0;
        while (true)
        {
            var (branch, branchSize, endFlags) = ParseConcatenation(flags);
            branches.Add(branch);
            size += branchSize;
            if (AtEnd)
            {
                if (!topLevel)
                {
                    throw new Re2SyntaxException("missing closing )", _pattern);
                }

                break;
            }

            if (Current == ')')
            {
                if (topLevel)
                {
                    throw new Re2SyntaxException("unexpected )", _pattern);
                }

                break;
            }

            // '|': the flags a branch set stay in force for the following branches, as in Go.
            flags = endFlags;
            _literalOnly = false;
            _position++;
        }

        return (branches.Count == 1 ? branches[0] : string.Join('|', branches), size);
    }

    private (string Text, long Size, Re2Flags Flags) ParseConcatenation(Re2Flags flags)
    {
        var items = new List<(string Text, long Size, int RepeatStart)>();
        while (!AtEnd && Current is not ('|' or ')'))
        {
            var start = _position;
            var c = Current;
            switch (c)
            {
                case '(':
                    if (_position + 1 < _pattern.Length && _pattern[_position + 1] == '?')
                    {
                        var group = ParseQuestionGroup(ref flags);
                        if (group is { } g)
                        {
                            items.Add((g.Text, g.Size, -1));
                        }
                    }
                    else
                    {
                        _position++;
                        items.Add(ParseGroupBody(flags, "(?:"));
                    }

                    break;
                case '*' or '+' or '?' or '{':
                    if (c == '{' && !TryReadRepeatCount(out _, out _, out _))
                    {
                        _position++;
                        items.Add((Literal('{', flags), 1, -1));
                        break;
                    }

                    ApplyRepeat(items, flags);
                    break;
                case '^':
                    _position++;
                    _literalAtStart = items.Count == 0 && _literal.Length == 0 && (flags & Re2Flags.MultiLine) == 0;
                    if (!_literalAtStart)
                    {
                        _literalOnly = false;
                    }

                    items.Add(((flags & Re2Flags.MultiLine) != 0 ? "(?m:^)" : @"\A", 0, -1));
                    break;
                case '$':
                    _position++;
                    _literalOnly = false;
                    items.Add(((flags & Re2Flags.MultiLine) != 0 ? "(?m:$)" : @"\z", 0, -1));
                    break;
                case '.':
                    // .NET matches one UTF-16 unit where Go matches one code point; only inputs beyond U+FFFF
                    // with counted or anchored dots can differ.
                    _position++;
                    _literalOnly = false;
                    items.Add(((flags & Re2Flags.DotNewLine) != 0 ? @"[\s\S]" : @"[^\n]", 1, -1));
                    break;
                case '[':
                    _literalOnly = false;
                    items.Add((ParseClass(flags), 1, -1));
                    break;
                case '\\':
                    ParseEscapeAtom(items, flags);
                    break;
                default:
                    var rune = ReadRune();
                    items.Add((Literal(rune, flags), 1, -1));
                    break;
            }

            _ = start;
        }

        var text = new StringBuilder();
        long size = 0;
        foreach (var item in items)
        {
            text.Append(item.Text);
            size += item.Size;
        }

        return (text.ToString(), size, flags);
    }

    private (string Text, long Size, int RepeatStart) ParseGroupBody(Re2Flags flags, string opening)
    {
        _literalOnly = false;
        _depth++;
        if (_depth > MaxNesting)
        {
            throw new Re2SyntaxException("expression nests too deeply", _pattern);
        }

        var (inner, size) = ParseAlternation(flags, topLevel: false);
        _position++; // ')'
        _depth--;
        return (opening + inner + ")", size, -1);
    }

    private (string Text, long Size)? ParseQuestionGroup(ref Re2Flags flags)
    {
        var start = _position;
        var rest = _pattern.AsSpan(start);

        // Named captures: (?P<name>re) and (?<name>re).
        if ((rest.Length > 4 && rest[2] == 'P' && rest[3] == '<') || (rest.Length > 3 && rest[2] == '<'))
        {
            var nameStart = start + (rest[2] == 'P' ? 4 : 3);
            var end = _pattern.IndexOf('>', nameStart);
            if (end < 0)
            {
                throw new Re2SyntaxException("invalid named capture", _pattern[start..]);
            }

            var name = _pattern[nameStart..end];
            if (name.Length == 0 || !name.All(ch => ch == '_' || char.IsAsciiLetterOrDigit(ch)))
            {
                throw new Re2SyntaxException("invalid named capture", _pattern[start..(end + 1)]);
            }

            if (!_groupNames.Add(name))
            {
                throw new Re2SyntaxException("duplicate capture group name", _pattern[start..(end + 1)]);
            }

            _position = end + 1;
            var group = ParseGroupBody(flags, "(?:");
            return (group.Text, group.Size);
        }

        _position += 2;
        var positive = Re2Flags.None;
        var negative = Re2Flags.None;
        var sign = 1;
        var sawFlag = false;
        while (!AtEnd)
        {
            var c = Current;
            _position++;
            Re2Flags flag;
            switch (c)
            {
                case 'i':
                    flag = Re2Flags.FoldCase;
                    break;
                case 'm':
                    flag = Re2Flags.MultiLine;
                    break;
                case 's':
                    flag = Re2Flags.DotNewLine;
                    break;
                case 'U':
                    flag = Re2Flags.NonGreedy;
                    break;
                case '-':
                    if (sign < 0)
                    {
                        throw new Re2SyntaxException("invalid or unsupported Perl syntax", _pattern[start.._position]);
                    }

                    sign = -1;
                    sawFlag = false;
                    continue;
                case ':' or ')':
                    if (sign < 0 && !sawFlag)
                    {
                        throw new Re2SyntaxException("invalid or unsupported Perl syntax", _pattern[start.._position]);
                    }

                    var newFlags = (flags | positive) & ~negative;
                    if (c == ')')
                    {
                        flags = newFlags;
                        if ((newFlags & Re2Flags.FoldCase) != 0)
                        {
                            _literalOnly = false;
                        }

                        return null;
                    }

                    var group = ParseGroupBody(newFlags, "(?:");
                    return (group.Text, group.Size);
                default:
                    throw new Re2SyntaxException("invalid or unsupported Perl syntax", _pattern[start.._position]);
            }

            if (sign > 0)
            {
                positive |= flag;
            }
            else
            {
                negative |= flag;
            }

            sawFlag = true;
        }

        throw new Re2SyntaxException("invalid or unsupported Perl syntax", _pattern[start..]);
    }

    private readonly HashSet<string> _groupNames = new(StringComparer.Ordinal);

    private void ApplyRepeat(List<(string Text, long Size, int RepeatStart)> items, Re2Flags flags)
    {
        _ = flags;
        var opStart = _position;
        int min;
        int max;
        if (Current == '{')
        {
            TryReadRepeatCount(out min, out max, out var length);
            _position += length;
            if (min > MaxRepeat || max > MaxRepeat || (max >= 0 && max < min))
            {
                throw new Re2SyntaxException("invalid repeat count", _pattern[opStart.._position]);
            }
        }
        else
        {
            (min, max) = Current switch
            {
                '*' => (0, -1),
                '+' => (1, -1),
                _ => (0, 1),
            };
            _position++;
        }

        if (!AtEnd && Current == '?')
        {
            _position++;
        }

        if (items.Count == 0)
        {
            throw new Re2SyntaxException("missing argument to repetition operator", _pattern[opStart.._position]);
        }

        var last = items[^1];
        if (last.RepeatStart >= 0)
        {
            throw new Re2SyntaxException("invalid nested repetition operator", _pattern[last.RepeatStart.._position]);
        }

        _literalOnly = false;
        var quantifier = (min, max) switch
        {
            (0, -1) => "*",
            (1, -1) => "+",
            (0, 1) => "?",
            (_, -1) => "{" + min.ToString(CultureInfo.InvariantCulture) + ",}",
            _ when min == max => "{" + min.ToString(CultureInfo.InvariantCulture) + "}",
            _ => "{" + min.ToString(CultureInfo.InvariantCulture) + "," + max.ToString(CultureInfo.InvariantCulture) + "}",
        };
        var factor = max >= 0 ? Math.Max(max, 1) : min + 1;
        items[^1] = ("(?:" + last.Text + ")" + quantifier, Math.Max(1, last.Size) * factor, opStart);
    }

    private bool TryReadRepeatCount(out int min, out int max, out int length)
    {
        min = 0;
        max = 0;
        length = 0;
        var i = _position + 1;
        if (!TryReadNumber(ref i, out min))
        {
            return false;
        }

        if (i < _pattern.Length && _pattern[i] == ',')
        {
            i++;
            if (i < _pattern.Length && _pattern[i] == '}')
            {
                max = -1;
            }
            else if (!TryReadNumber(ref i, out max))
            {
                return false;
            }
        }
        else
        {
            max = min;
        }

        if (i >= _pattern.Length || _pattern[i] != '}')
        {
            return false;
        }

        length = i + 1 - _position;
        return true;
    }

    private bool TryReadNumber(ref int i, out int value)
    {
        value = 0;
        var start = i;
        while (i < _pattern.Length && char.IsAsciiDigit(_pattern[i]))
        {
            i++;
        }

        if (i == start || (i - start >= 2 && _pattern[start] == '0'))
        {
            return false;
        }

        // Go caps the parsed number at 1e8 and then reports the count as invalid; any large value does here.
        value = i - start > 8 ? int.MaxValue : int.Parse(_pattern.AsSpan(start, i - start), CultureInfo.InvariantCulture);
        return true;
    }

    private void ParseEscapeAtom(List<(string Text, long Size, int RepeatStart)> items, Re2Flags flags)
    {
        if (_position + 1 >= _pattern.Length)
        {
            throw new Re2SyntaxException("trailing backslash at end of expression", string.Empty);
        }

        var next = _pattern[_position + 1];
        switch (next)
        {
            case 'A':
                _position += 2;
                _literalAtStart = items.Count == 0 && _literal.Length == 0;
                if (!_literalAtStart)
                {
                    _literalOnly = false;
                }

                items.Add((@"\A", 0, -1));
                return;
            case 'z':
                _position += 2;
                _literalOnly = false;
                items.Add((@"\z", 0, -1));
                return;
            case 'b' or 'B':
                // .NET's \b uses Unicode word characters where Go's uses ASCII ones; paths rarely differ.
                _position += 2;
                _literalOnly = false;
                items.Add((next == 'b' ? @"\b" : @"\B", 0, -1));
                return;
            case 'Q':
                _position += 2;
                var end = _pattern.IndexOf(@"\E", _position, StringComparison.Ordinal);
                var quoted = end < 0 ? _pattern[_position..] : _pattern[_position..end];
                _position = end < 0 ? _pattern.Length : end + 2;
                for (var i = 0; i < quoted.Length; i++)
                {
                    var rune = char.IsSurrogatePair(quoted, i) ? char.ConvertToUtf32(quoted[i], quoted[++i]) : quoted[i];
                    items.Add((Literal(rune, flags), 1, -1));
                }

                return;
            case 'd' or 'D' or 's' or 'S' or 'w' or 'W' or 'p' or 'P':
                _literalOnly = false;
                var set = new CharacterSet();
                ReadClassEscape(set);
                items.Add((set.ToPattern(negated: false, flags.HasFlag(Re2Flags.FoldCase)), 1, -1));
                return;
            default:
                var value = ReadEscape();
                items.Add((Literal(value, flags), 1, -1));
                return;
        }
    }

    private int ReadEscape()
    {
        var start = _position;
        _position++; // backslash
        if (AtEnd)
        {
            throw new Re2SyntaxException("trailing backslash at end of expression", string.Empty);
        }

        var c = Current;
        _position++;
        switch (c)
        {
            case >= '1' and <= '7':
                if (AtEnd || Current is < '0' or > '7')
                {
                    break;
                }

                return ReadOctal(c);
            case '0':
                return ReadOctal(c);
            case 'x':
                if (AtEnd)
                {
                    break;
                }

                if (Current == '{')
                {
                    _position++;
                    var digitsStart = _position;
                    while (!AtEnd && char.IsAsciiHexDigit(Current))
                    {
                        _position++;
                    }

                    if (AtEnd || Current != '}' || _position == digitsStart || _position - digitsStart > 8)
                    {
                        break;
                    }

                    var value = int.Parse(_pattern.AsSpan(digitsStart, _position - digitsStart), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                    _position++;
                    if (value > 0x10FFFF)
                    {
                        throw new Re2SyntaxException("invalid escape sequence", _pattern[start.._position]);
                    }

                    return value;
                }

                if (_position + 1 < _pattern.Length && char.IsAsciiHexDigit(_pattern[_position]) && char.IsAsciiHexDigit(_pattern[_position + 1]))
                {
                    var value = int.Parse(_pattern.AsSpan(_position, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                    _position += 2;
                    return value;
                }

                if (!AtEnd)
                {
                    _position++;
                }

                break;
            case 'a':
                return 7;
            case 'f':
                return 12;
            case 'n':
                return 10;
            case 'r':
                return 13;
            case 't':
                return 9;
            case 'v':
                return 11;
            default:
                if (c < 0x80 && !char.IsAsciiLetterOrDigit(c))
                {
                    return c;
                }

                if (char.IsHighSurrogate(c) && !AtEnd)
                {
                    _position++;
                }

                break;
        }

        throw new Re2SyntaxException("invalid escape sequence", _pattern[start..Math.Min(_position, _pattern.Length)]);
    }

    private int ReadOctal(char first)
    {
        var value = first - '0';
        for (var i = 0; i < 2 && !AtEnd && Current is >= '0' and <= '7'; i++)
        {
            value = (value * 8) + (Current - '0');
            _position++;
        }

        return value;
    }

    private void ReadClassEscape(CharacterSet set)
    {
        var start = _position;
        var kind = _pattern[_position + 1];
        _position += 2;
        switch (kind)
        {
            case 'd':
                set.AddRange('0', '9');
                return;
            case 'D':
                set.AddNegated(s => s.AddRange('0', '9'));
                return;
            case 's':
                AddPerlSpace(set);
                return;
            case 'S':
                set.AddNegated(AddPerlSpace);
                return;
            case 'w':
                AddWord(set);
                return;
            case 'W':
                set.AddNegated(AddWord);
                return;
        }

        // \pN, \p{Name}, \p{^Name} and the \P forms.
        var negated = kind == 'P';
        if (AtEnd)
        {
            throw new Re2SyntaxException("invalid character class range", _pattern[start..]);
        }

        string name;
        if (Current == '{')
        {
            var close = _pattern.IndexOf('}', _position);
            if (close < 0)
            {
                throw new Re2SyntaxException("invalid character class range", _pattern[start..]);
            }

            name = _pattern[(_position + 1)..close];
            _position = close + 1;
        }
        else
        {
            name = ReadRuneText();
        }

        if (name.StartsWith('^'))
        {
            negated = !negated;
            name = name[1..];
        }

        if (name == "Any")
        {
            // \P{Any} adds nothing: the class it belongs to matches no character through it.
            if (!negated)
            {
                set.AddRange(0, 0x10FFFF);
            }

            return;
        }

        if (_generalCategories.Contains(name))
        {
            set.AddCategory(name, negated);
            return;
        }

        if (_scripts.Contains(name))
        {
            throw new Re2SyntaxException(
                "unsupported by this tool (Unicode scripts have no .NET equivalent; use a character range instead)",
                _pattern[start.._position]);
        }

        throw new Re2SyntaxException("invalid character class range", _pattern[start.._position]);
    }

    private string ParseClass(Re2Flags flags)
    {
        var start = _position;
        _position++; // '['
        var set = new CharacterSet();
        var negated = false;
        if (!AtEnd && Current == '^')
        {
            negated = true;
            _position++;
        }

        var first = true;
        while (AtEnd || Current != ']' || first)
        {
            if (AtEnd)
            {
                throw new Re2SyntaxException("missing closing ]", _pattern[start..]);
            }

            var itemStart = _position;

            // POSIX class [:alpha:] / [:^alpha:].
            if (Current == '[' && _position + 1 < _pattern.Length && _pattern[_position + 1] == ':')
            {
                var close = _pattern.IndexOf(":]", _position + 2, StringComparison.Ordinal);
                if (close >= 0)
                {
                    var name = _pattern[(_position + 2)..close];
                    var posixNegated = name.StartsWith('^');
                    if (posixNegated)
                    {
                        name = name[1..];
                    }

                    _position = close + 2;
                    if (!TryAddPosix(name, set, posixNegated))
                    {
                        throw new Re2SyntaxException("invalid character class range", _pattern[itemStart.._position]);
                    }

                    first = false;
                    continue;
                }
            }

            if (Current == '\\' && _position + 1 < _pattern.Length && _pattern[_position + 1] is 'd' or 'D' or 's' or 'S' or 'w' or 'W' or 'p' or 'P')
            {
                ReadClassEscape(set);
                first = false;
                continue;
            }

            var low = ReadClassChar(start);
            var high = low;
            if (!AtEnd && Current == '-' && _position + 1 < _pattern.Length && _pattern[_position + 1] != ']')
            {
                _position++;
                if (Current == '\\' && _position + 1 < _pattern.Length && _pattern[_position + 1] is 'd' or 'D' or 's' or 'S' or 'w' or 'W' or 'p' or 'P')
                {
                    throw new Re2SyntaxException("invalid character class range", _pattern[itemStart..(_position + 2)]);
                }

                high = ReadClassChar(start);
                if (high < low)
                {
                    throw new Re2SyntaxException("invalid character class range", _pattern[itemStart.._position]);
                }
            }

            set.AddRange(low, high);
            first = false;
        }

        _position++; // ']'
        return set.ToPattern(negated, flags.HasFlag(Re2Flags.FoldCase));
    }

    private int ReadClassChar(int classStart)
    {
        if (AtEnd)
        {
            throw new Re2SyntaxException("missing closing ]", _pattern[classStart..]);
        }

        return Current == '\\' ? ReadEscape() : ReadRune();
    }

    private int ReadRune()
    {
        var c = Current;
        if (char.IsHighSurrogate(c) && _position + 1 < _pattern.Length && char.IsLowSurrogate(_pattern[_position + 1]))
        {
            _position += 2;
            return char.ConvertToUtf32(c, _pattern[_position - 1]);
        }

        _position++;
        return c;
    }

    private string ReadRuneText()
    {
        var start = _position;
        ReadRune();
        return _pattern[start.._position];
    }

    // Case folding uses .NET's tables rather than Go's simple folding; they agree on everything but rare
    // characters (for example the Kelvin sign).
    private string Literal(int rune, Re2Flags flags)
    {
        var fold = flags.HasFlag(Re2Flags.FoldCase);
        if (_literalOnly && !fold)
        {
            _literal.Append(char.ConvertFromUtf32(rune));
        }
        else
        {
            _literalOnly = false;
        }

        string text;
        if (rune > 0xFFFF)
        {
            var pair = char.ConvertFromUtf32(rune);
            text = "(?:" + Escape(pair[0]) + Escape(pair[1]) + ")";
        }
        else
        {
            text = Escape(rune);
        }

        return fold ? "(?i:" + text + ")" : text;
    }

    private static string Escape(int c) =>
        char.IsAsciiLetterOrDigit((char)c) || c == '_' || c == '/' || c == '-'
            ? ((char)c).ToString()
            : "\\u" + c.ToString("X4", CultureInfo.InvariantCulture);

    private static void AddPerlSpace(CharacterSet set)
    {
        set.AddRange('\t', '\n');
        set.AddRange('\f', '\r');
        set.AddRange(' ', ' ');
    }

    private static void AddWord(CharacterSet set)
    {
        set.AddRange('0', '9');
        set.AddRange('A', 'Z');
        set.AddRange('a', 'z');
        set.AddRange('_', '_');
    }

    private static bool TryAddPosix(string name, CharacterSet set, bool negated)
    {
        Action<CharacterSet>? add = name switch
        {
            "alnum" => s => { s.AddRange('0', '9'); s.AddRange('A', 'Z'); s.AddRange('a', 'z'); }
            ,
            "alpha" => s => { s.AddRange('A', 'Z'); s.AddRange('a', 'z'); }
            ,
            "ascii" => s => s.AddRange(0, 0x7F),
            "blank" => s => { s.AddRange('\t', '\t'); s.AddRange(' ', ' '); }
            ,
            "cntrl" => s => { s.AddRange(0, 0x1F); s.AddRange(0x7F, 0x7F); }
            ,
            "digit" => s => s.AddRange('0', '9'),
            "graph" => s => s.AddRange('!', '~'),
            "lower" => s => s.AddRange('a', 'z'),
            "print" => s => s.AddRange(' ', '~'),
            "punct" => s => { s.AddRange('!', '/'); s.AddRange(':', '@'); s.AddRange('[', '`'); s.AddRange('{', '~'); }
            ,
            "space" => s => { s.AddRange('\t', '\r'); s.AddRange(' ', ' '); }
            ,
            "upper" => s => s.AddRange('A', 'Z'),
            "word" => AddWord,
            "xdigit" => s => { s.AddRange('0', '9'); s.AddRange('A', 'F'); s.AddRange('a', 'f'); }
            ,
            _ => null,
        };
        if (add is null)
        {
            return false;
        }

        if (negated)
        {
            set.AddNegated(add);
        }
        else
        {
            add(set);
        }

        return true;
    }
}
