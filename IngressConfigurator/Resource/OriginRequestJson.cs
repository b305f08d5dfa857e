using System.Text.Json.Nodes;
using MediaStack.IngressConfigurator.Model;

namespace MediaStack.IngressConfigurator.Resource;

/// <summary>
/// Writes a rule's <c>originRequest</c> in the shape Cloudflare's tunnel-configuration API takes:
/// the same field names as <c>config.yml</c>, with durations as whole seconds.
/// </summary>
internal static class OriginRequestJson
{
    public static JsonObject? From(OriginRequest? originRequest)
    {
        if (originRequest is null)
        {
            return null;
        }

        var json = new JsonObject();
        foreach (var field in OriginRequestField.All)
        {
            var value = field.Get(originRequest);
            JsonNode? node = value switch
            {
                null => null,
                GoDuration duration => JsonValue.Create(duration.Nanoseconds / 1_000_000_000),
                bool flag => JsonValue.Create(flag),
                int number => JsonValue.Create(number),
                uint number => JsonValue.Create(number),
                string text => JsonValue.Create(text),
                _ => null,
            };

            if (node is not null)
            {
                json[field.Name] = node;
            }
        }

        if (originRequest.Access is { } access)
        {
            var audTags = new JsonArray();
            foreach (var tag in access.AudTag)
            {
                audTags.Add(tag);
            }

            json["access"] = new JsonObject
            {
                ["required"] = access.Required,
                ["teamName"] = access.TeamName,
                ["audTag"] = audTags,
            };
        }

        return json.Count == 0 ? null : json;
    }
}
