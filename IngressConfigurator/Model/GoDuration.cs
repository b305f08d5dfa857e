using System.Globalization;
using System.Text;

namespace MediaStack.IngressConfigurator.Model;

/// <summary>
/// A duration in Go's <c>time.Duration</c> notation (for example <c>30s</c> or <c>1m30s</c>), kept in nanoseconds.
/// </summary>
public readonly record struct GoDuration
{
    private const long Microsecond = 1_000;
    private const long Millisecond = 1_000_000;
    private const long Second = 1_000_000_000;

    /// <summary>Initializes a new instance of the <see cref="GoDuration"/> struct.</summary>
    /// <param name="nanoseconds">The length in nanoseconds.</param>
    public GoDuration(long nanoseconds) => Nanoseconds = nanoseconds;

    /// <summary>Gets the length in nanoseconds.</summary>
    public long Nanoseconds { get; }

    /// <summary>Creates a duration from whole seconds.</summary>
    /// <param name="seconds">The number of seconds.</param>
    /// <returns>The duration.</returns>
    public static GoDuration FromSeconds(long seconds) => new(checked(seconds * Second));

    /// <summary>Parses text the way Go's <c>time.ParseDuration</c> does.</summary>
    /// <param name="text">The text, for example <c>1m30s</c>.</param>
    /// <param name="duration">The parsed duration.</param>
    /// <returns><see langword="true"/> when the text is a valid Go duration.</returns>
    public static bool TryParse(string? text, out GoDuration duration)
    {
        duration = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var s = text.AsSpan();
        var negative = false;
        if (s[0] is '-' or '+')
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        if (s is "0")
        {
            return true;
        }

        if (s.IsEmpty)
        {
            return false;
        }

        decimal total = 0;
        while (!s.IsEmpty)
        {
            var digits = 0;
            while (digits < s.Length && char.IsAsciiDigit(s[digits]))
            {
                digits++;
            }

            var numberEnd = digits;
            var fractionDigits = 0;
            if (numberEnd < s.Length && s[numberEnd] == '.')
            {
                numberEnd++;
                while (numberEnd < s.Length && char.IsAsciiDigit(s[numberEnd]))
                {
                    numberEnd++;
                    fractionDigits++;
                }
            }

            if (digits == 0 && fractionDigits == 0)
            {
                return false;
            }

            var unitEnd = numberEnd;
            while (unitEnd < s.Length && s[unitEnd] != '.' && !char.IsAsciiDigit(s[unitEnd]))
            {
                unitEnd++;
            }

            if (unitEnd == numberEnd)
            {
                return false;
            }

            long unit = s[numberEnd..unitEnd] switch
            {
                "ns" => 1,
                "us" or "\u00b5s" or "\u03bcs" => Microsecond,
                "ms" => Millisecond,
                "s" => Second,
                "m" => 60 * Second,
                "h" => 3600 * Second,
                _ => 0,
            };
            if (unit == 0)
            {
                return false;
            }

            var numberText = s[..numberEnd].ToString();
            if (numberText.EndsWith('.'))
            {
                numberText += "0";
            }

            if (numberText.StartsWith('.'))
            {
                numberText = "0" + numberText;
            }

            if (!decimal.TryParse(numberText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            total += decimal.Truncate(number * unit);
            if (total > long.MaxValue)
            {
                return false;
            }

            s = s[unitEnd..];
        }

        duration = new GoDuration(negative ? -(long)total : (long)total);
        return true;
    }

    /// <summary>Parses text the way Go's <c>time.ParseDuration</c> does, or throws.</summary>
    /// <param name="text">The text, for example <c>30s</c>.</param>
    /// <returns>The parsed duration.</returns>
    public static GoDuration Parse(string text) =>
        TryParse(text, out var duration)
            ? duration
            : throw new FormatException($"'{text}' is not a Go duration; write a number with a unit, for example 30s or 1m30s.");

    /// <summary>Converts the duration to a <see cref="TimeSpan"/> (sub-tick precision is dropped).</summary>
    /// <returns>The time span.</returns>
    public TimeSpan ToTimeSpan() => TimeSpan.FromTicks(Nanoseconds / 100);

    /// <summary>Formats the duration exactly as Go's <c>Duration.String</c> does, for example <c>1m30s</c>.</summary>
    /// <returns>The text form.</returns>
    public override string ToString()
    {
        if (Nanoseconds == 0)
        {
            return "0s";
        }

        var negative = Nanoseconds < 0;
        var value = negative ? (ulong)-(Nanoseconds + 1) + 1 : (ulong)Nanoseconds;
        var text = new StringBuilder();
        if (value < Second)
        {
            if (value < Microsecond)
            {
                text.Append(value.ToString(CultureInfo.InvariantCulture)).Append("ns");
            }
            else if (value < Millisecond)
            {
                text.Append(FormatFraction(value, 3)).Append("\u00b5s");
            }
            else
            {
                text.Append(FormatFraction(value, 6)).Append("ms");
            }
        }
        else
        {
            var secondsText = FormatFraction(value, 9);
            var whole = value / Second;
            var seconds = whole % 60;
            var minutes = whole / 60 % 60;
            var hours = whole / 3600;
            var secondsPart = seconds.ToString(CultureInfo.InvariantCulture) +
                secondsText[secondsText.IndexOf('.') is var dot and >= 0 ? dot.. : secondsText.Length..];
            if (hours > 0)
            {
                text.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('h');
            }

            if (hours > 0 || minutes > 0)
            {
                text.Append(minutes.ToString(CultureInfo.InvariantCulture)).Append('m');
            }

            text.Append(secondsPart).Append('s');
        }

        return negative ? "-" + text : text.ToString();
    }

    private static string FormatFraction(ulong value, int precision)
    {
        ulong scale = 1;
        for (var i = 0; i < precision; i++)
        {
            scale *= 10;
        }

        var whole = value / scale;
        var fraction = value % scale;
        if (fraction == 0)
        {
            return whole.ToString(CultureInfo.InvariantCulture);
        }

        var digits = fraction.ToString(CultureInfo.InvariantCulture).PadLeft(precision, '0').TrimEnd('0');
        return whole.ToString(CultureInfo.InvariantCulture) + "." + digits;
    }
}
