using System.Globalization;
using MediaStack.IngressConfigurator.Model;
using MediaStack.IngressConfigurator.Validation;

namespace MediaStack.IngressConfigurator.Routes;

/// <summary>
/// Turns a route's text <c>originRequest</c> values (as configuration binding delivers them) into typed settings.
/// Keys are cloudflared's field names in any letter case; <c>access</c> fields are written
/// <c>access:required</c>, <c>access:teamName</c> and <c>access:audTag:0</c> (a dot works as separator too).
/// </summary>
internal static class OriginRequestTextParser
{
    public static OriginRequest? Parse(TunnelRoute route, string resourceName, List<ValidationIssue> errors)
    {
        if (route.OriginRequest is not { Count: > 0 } values)
        {
            return null;
        }

        var origin = new OriginRequest();
        OriginAccess? access = null;
        var audTags = new SortedDictionary<int, string>();
        foreach (var (rawKey, value) in values.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var key = rawKey.Replace('.', ':');
            var field = OriginRequestField.All.FirstOrDefault(f => string.Equals(f.Name, key, StringComparison.OrdinalIgnoreCase));
            if (field is not null)
            {
                if (ParseValue(field.Kind, value) is { } parsed)
                {
                    origin = field.Set(origin, parsed);
                }
                else
                {
                    errors.Add(Error(resourceName, field.Name, $"'{value}' is not {Describe(field.Kind)}.", FixFor(field.Kind)));
                }

                continue;
            }

            var parts = key.Split(':');
            if (parts.Length >= 2 && parts[0].Equals("access", StringComparison.OrdinalIgnoreCase))
            {
                access ??= new OriginAccess();
                var name = parts[1];
                if (name.Equals("required", StringComparison.OrdinalIgnoreCase) && parts.Length == 2)
                {
                    if (ParseValue(OriginRequestFieldKind.Boolean, value) is bool required)
                    {
                        access = access with { Required = required };
                    }
                    else
                    {
                        errors.Add(Error(resourceName, "access.required", $"'{value}' is not true or false.", FixFor(OriginRequestFieldKind.Boolean)));
                    }

                    continue;
                }

                if (name.Equals("teamName", StringComparison.OrdinalIgnoreCase) && parts.Length == 2)
                {
                    access = access with { TeamName = value };
                    continue;
                }

                if (name.Equals("environment", StringComparison.OrdinalIgnoreCase) && parts.Length == 2)
                {
                    access = access with { Environment = value };
                    continue;
                }

                if (name.Equals("audTag", StringComparison.OrdinalIgnoreCase))
                {
                    var index = 0;
                    if (parts.Length == 3 && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var parsedIndex))
                    {
                        index = parsedIndex;
                    }
                    else if (parts.Length != 2)
                    {
                        errors.Add(Error(resourceName, rawKey, "The key is not a valid access.audTag entry.", "Write access:audTag or access:audTag:N."));
                        continue;
                    }

                    audTags[index] = value;
                    continue;
                }
            }

            errors.Add(Error(resourceName, rawKey, $"cloudflared has no origin setting named '{rawKey}'.",
                "Use one of cloudflared's originRequest fields: " + string.Join(", ", OriginRequestField.All.Select(f => f.Name)) +
                ", access:required, access:teamName, access:audTag."));
        }

        if (access is not null)
        {
            origin = origin with { Access = access with { AudTag = [.. audTags.Values] } };
        }

        return origin;
    }

    private static object? ParseValue(OriginRequestFieldKind kind, string value) => kind switch
    {
        OriginRequestFieldKind.Text => value,
        OriginRequestFieldKind.Boolean when bool.TryParse(value.Trim(), out var flag) => flag,
        OriginRequestFieldKind.Integer when int.TryParse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) => (long)number,
        OriginRequestFieldKind.UnsignedInteger when uint.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) => (ulong)number,
        OriginRequestFieldKind.Duration when GoDuration.TryParse(value.Trim(), out var duration) => duration,
        _ => null,
    };

    private static string Describe(OriginRequestFieldKind kind) => kind switch
    {
        OriginRequestFieldKind.Boolean => "true or false",
        OriginRequestFieldKind.Integer => "a whole number",
        OriginRequestFieldKind.UnsignedInteger => "a whole number from 0 to 4294967295",
        _ => "a duration",
    };

    private static string FixFor(OriginRequestFieldKind kind) => kind switch
    {
        OriginRequestFieldKind.Boolean => "Write true or false.",
        OriginRequestFieldKind.Duration => "Write a number with a unit, for example 30s or 1m30s.",
        _ => "Write a whole number, for example 100.",
    };

    private static ValidationIssue Error(string resourceName, string field, string message, string fix) => new()
    {
        Severity = IssueSeverity.Error,
        ResourceName = resourceName,
        Field = "originRequest." + field,
        Message = message,
        Fix = fix,
    };
}
