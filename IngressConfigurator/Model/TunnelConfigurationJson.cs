using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MediaStack.IngressConfigurator.Model;

/// <summary>
/// Writes a configuration's ingress in the JSON shape of Cloudflare's tunnel configuration API
/// (the <c>config</c> object: <c>ingress</c>, <c>originRequest</c>), where durations are whole seconds.
/// </summary>
public static class TunnelConfigurationJson
{
    /// <summary>Writes the <c>config</c> object for the tunnel configuration API.</summary>
    /// <param name="configuration">The configuration.</param>
    /// <returns>Compact JSON with keys in a fixed order.</returns>
    public static string Serialize(TunnelConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("ingress");
            foreach (var rule in configuration.Ingress)
            {
                WriteRule(writer, rule);
            }

            writer.WriteEndArray();
            if (configuration.OriginRequest is { } origin)
            {
                writer.WritePropertyName("originRequest");
                WriteOriginRequest(writer, origin);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes one ingress rule as the API's JSON object.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>Compact JSON.</returns>
    public static string SerializeRule(IngressRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            WriteRule(writer, rule);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes a rule's <c>originRequest</c> as the API's JSON object, for the Cloudflare publisher.</summary>
    /// <param name="originRequest">The origin settings, or <see langword="null"/>.</param>
    /// <returns>The JSON object, or <see langword="null"/> when there is nothing to write.</returns>
    public static JsonObject? ToJsonObject(OriginRequest? originRequest)
    {
        if (originRequest is null)
        {
            return null;
        }

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            WriteOriginRequest(writer, originRequest);
        }

        var json = JsonNode.Parse(stream.ToArray())!.AsObject();
        return json.Count == 0 ? null : json;
    }

    private static void WriteRule(Utf8JsonWriter writer, IngressRule rule)
    {
        writer.WriteStartObject();
        if (!string.IsNullOrEmpty(rule.Hostname))
        {
            writer.WriteString("hostname", rule.Hostname);
        }

        if (!string.IsNullOrEmpty(rule.Path))
        {
            writer.WriteString("path", rule.Path);
        }

        writer.WriteString("service", rule.Service ?? string.Empty);
        if (rule.OriginRequest is { } origin)
        {
            writer.WritePropertyName("originRequest");
            WriteOriginRequest(writer, origin);
        }

        writer.WriteEndObject();
    }

    private static void WriteOriginRequest(Utf8JsonWriter writer, OriginRequest origin)
    {
        writer.WriteStartObject();
        foreach (var field in OriginRequestField.All)
        {
            if (field.Name == "http2Origin" && origin.IpRules is { } ipRules)
            {
                writer.WriteStartArray("ipRules");
                foreach (var ipRule in ipRules)
                {
                    writer.WriteStartObject();
                    writer.WriteString("prefix", ipRule.Prefix);
                    writer.WriteStartArray("ports");
                    foreach (var port in ipRule.Ports)
                    {
                        writer.WriteNumberValue(port);
                    }

                    writer.WriteEndArray();
                    writer.WriteBoolean("allow", ipRule.Allow);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            switch (field.Get(origin))
            {
                case null:
                    break;
                case GoDuration duration:
                    // cloudflared reads API durations as whole seconds (CustomDuration.UnmarshalJSON uses ParseInt).
                    writer.WriteNumber(field.Name, duration.Nanoseconds / 1_000_000_000);
                    break;
                case bool flag:
                    writer.WriteBoolean(field.Name, flag);
                    break;
                case string text:
                    writer.WriteString(field.Name, text);
                    break;
                case IFormattable number:
                    writer.WritePropertyName(field.Name);
                    writer.WriteRawValue(number.ToString(null, CultureInfo.InvariantCulture));
                    break;
            }
        }

        if (origin.Access is { } access)
        {
            writer.WriteStartObject("access");
            writer.WriteBoolean("required", access.Required);
            writer.WriteString("teamName", access.TeamName ?? string.Empty);
            writer.WriteStartArray("audTag");
            foreach (var tag in access.AudTag)
            {
                writer.WriteStringValue(tag);
            }

            writer.WriteEndArray();
            if (!string.IsNullOrEmpty(access.Environment))
            {
                writer.WriteString("environment", access.Environment);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}
