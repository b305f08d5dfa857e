using System.Globalization;
using System.Text;

namespace MediaStack.IngressConfigurator.Validation;

/// <summary>
/// One finding about a tunnel configuration or route: where it is, what is wrong and how to fix it.
/// </summary>
public sealed record ValidationIssue
{
    /// <summary>Gets whether the finding is an error or a warning.</summary>
    public required IssueSeverity Severity { get; init; }

    /// <summary>Gets the 1-based rule number as cloudflared's messages count rules, or <see langword="null"/>.</summary>
    public int? RuleNumber { get; init; }

    /// <summary>Gets the name of the resource whose route caused the finding, or <see langword="null"/>.</summary>
    public string? ResourceName { get; init; }

    /// <summary>Gets the field, for example <c>hostname</c> or <c>originRequest.connectTimeout</c>.</summary>
    public string? Field { get; init; }

    /// <summary>Gets the source line in the YAML file, or <see langword="null"/>.</summary>
    public int? Line { get; init; }

    /// <summary>Gets the problem, as a full sentence (cloudflared's own wording where it has one).</summary>
    public required string Message { get; init; }

    /// <summary>Gets how to fix the problem, as a full sentence.</summary>
    public string? Fix { get; init; }

    /// <summary>Formats the finding as one line: location, message and fix.</summary>
    /// <returns>The formatted finding.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        if (ResourceName is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"Route '{ResourceName}'");
        }

        if (RuleNumber is { } number)
        {
            text.Append(text.Length > 0 ? " (" : string.Empty)
                .Append(CultureInfo.InvariantCulture, $"Rule #{number}")
                .Append(ResourceName is not null ? ")" : string.Empty);
        }

        if (Field is not null)
        {
            text.Append(text.Length > 0 ? " " : string.Empty).Append(Field);
        }

        if (Line is { } line)
        {
            if (text.Length > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $" (line {line})");
            }
            else
            {
                text.Append(CultureInfo.InvariantCulture, $"Line {line}");
            }
        }

        if (text.Length > 0)
        {
            text.Append(": ");
        }

        text.Append(Message);
        if (!Message.EndsWith('.') && !Message.EndsWith('?') && !Message.EndsWith('!'))
        {
            text.Append('.');
        }

        if (!string.IsNullOrEmpty(Fix))
        {
            text.Append(' ').Append(Fix);
        }

        return text.ToString();
    }
}
