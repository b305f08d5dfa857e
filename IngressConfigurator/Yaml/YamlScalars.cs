using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MediaStack.IngressConfigurator.Yaml;

/// <summary>
/// Resolves YAML scalars the way cloudflared's YAML library (gopkg.in/yaml.v3) does for typed fields.
/// </summary>
internal static partial class YamlScalars
{
    private static readonly HashSet<string> _nullValues = new(StringComparer.Ordinal) { string.Empty, "~", "null", "Null", "NULL" };
    private static readonly HashSet<string> _trueValues = new(StringComparer.Ordinal) { "true", "True", "TRUE" };
    private static readonly HashSet<string> _falseValues = new(StringComparer.Ordinal) { "false", "False", "FALSE" };

    // yaml.v3 accepts YAML 1.1 booleans when the target is a bool.
    private static readonly HashSet<string> _legacyTrue = new(StringComparer.Ordinal) { "y", "Y", "yes", "Yes", "YES", "on", "On", "ON" };
    private static readonly HashSet<string> _legacyFalse = new(StringComparer.Ordinal) { "n", "N", "no", "No", "NO", "off", "Off", "OFF" };

    public static bool IsPlain(YamlScalarNode node) => node.Style is ScalarStyle.Plain or ScalarStyle.Any && node.Tag.IsEmpty;

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode scalar && IsPlain(scalar) && _nullValues.Contains(scalar.Value ?? string.Empty);

    public static bool TryBoolean(YamlScalarNode node, out bool value)
    {
        var text = node.Value ?? string.Empty;
        if (IsPlain(node) && (_trueValues.Contains(text) || _falseValues.Contains(text)))
        {
            value = _trueValues.Contains(text);
            return true;
        }

        if (_legacyTrue.Contains(text) || _legacyFalse.Contains(text))
        {
            value = _legacyTrue.Contains(text);
            return true;
        }

        value = false;
        return false;
    }

    public static bool TryInteger(YamlScalarNode node, out long value)
    {
        value = 0;
        if (!IsPlain(node))
        {
            return false;
        }

        var text = (node.Value ?? string.Empty).Replace("_", string.Empty, StringComparison.Ordinal);
        var negative = text.StartsWith('-');
        var body = text.TrimStart('-', '+');
        if (text.Length - body.Length > 1)
        {
            return false;
        }

        ulong magnitude;
        if (body.StartsWith("0x", StringComparison.Ordinal))
        {
            if (!ulong.TryParse(body.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out magnitude))
            {
                return false;
            }
        }
        else if (body.StartsWith("0o", StringComparison.Ordinal) || body.StartsWith("0b", StringComparison.Ordinal))
        {
            var radix = body[1] == 'o' ? 8 : 2;
            try
            {
                magnitude = Convert.ToUInt64(body[2..], radix);
            }
            catch (Exception exception) when (exception is FormatException or OverflowException or ArgumentException)
            {
                return false;
            }
        }
        else if (body.Length > 0 && body.All(char.IsAsciiDigit))
        {
            if (!ulong.TryParse(body, NumberStyles.None, CultureInfo.InvariantCulture, out magnitude))
            {
                return false;
            }
        }
        else if (FloatPattern().IsMatch(text) &&
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) &&
            number is >= long.MinValue and <= long.MaxValue)
        {
            // yaml.v3 truncates a float written into an integer field.
            value = (long)number;
            return true;
        }
        else
        {
            return false;
        }

        if (magnitude > (negative ? (ulong)long.MaxValue + 1 : long.MaxValue))
        {
            return false;
        }

        value = negative ? (long)(0 - magnitude) : (long)magnitude;
        return true;
    }

    /// <summary>Reports whether a plain scalar with this text would be read as something other than text.</summary>
    public static bool NeedsQuotes(string text) =>
        _nullValues.Contains(text) || _trueValues.Contains(text) || _falseValues.Contains(text) ||
        _legacyTrue.Contains(text) || _legacyFalse.Contains(text) ||
        NumberLike().IsMatch(text) || text.Trim() != text || text.StartsWith('.') ||
        "-?:,[]{}#&*!|>'\"%@`".Contains(text[0], StringComparison.Ordinal) ||
        text.Contains(": ", StringComparison.Ordinal) || text.Contains(" #", StringComparison.Ordinal) || text.EndsWith(':') ||
        text.Any(c => char.IsControl(c) || c > 0x7E);

    public static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode scalar => $"'{scalar.Value}'",
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => "a value",
    };

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex FloatPattern();

    [GeneratedRegex(@"^([-+]?[0-9_.]+([eE][-+]?[0-9]+)?|0[xob][0-9a-fA-F_]+|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberLike();
}
