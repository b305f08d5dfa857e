using MediaStack.IngressConfigurator.Model;
using MediaStack.IngressConfigurator.Validation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MediaStack.IngressConfigurator.Yaml;

/// <summary>
/// Maps a YAML document onto <see cref="TunnelConfiguration"/>, with the field types cloudflared decodes into,
/// reporting every type error with its rule, field and line.
/// </summary>
internal sealed class YamlModelReader
{
    private readonly List<ValidationIssue> _errors = [];
    private readonly List<ValidationIssue> _warnings = [];

    public static TunnelConfigurationReadResult Read(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException exception)
        {
            return Failed(new ValidationIssue
            {
                Severity = IssueSeverity.Error,
                Line = (int)exception.Start.Line,
                Message = $"The file is not valid YAML: {FirstSentence(exception)}",
                Fix = "Correct the YAML syntax at that line.",
            });
        }
        catch (ArgumentException exception)
        {
            return Failed(new ValidationIssue
            {
                Severity = IssueSeverity.Error,
                Message = $"The file is not valid YAML: {exception.Message}",
                Fix = "Remove the repeated key.",
            });
        }
        catch (Exception exception) when (exception is InvalidOperationException or FormatException or OverflowException or IndexOutOfRangeException)
        {
            // YamlDotNet's scanner throws these for some malformed documents instead of a YamlException.
            return Failed(new ValidationIssue
            {
                Severity = IssueSeverity.Error,
                Message = "The file is not valid YAML: the YAML reader stopped on malformed text.",
                Fix = "Check quoting, indentation and special characters such as ':', '#', '*' and '&'.",
            });
        }

        // cloudflared reads only the first document of the file. YAML merge keys ('<<') are not expanded here,
        // unlike yaml.v3; a file using them is read with '<<' as an ordinary key.
        if (stream.Documents.Count == 0 || YamlScalars.IsNull(stream.Documents[0].RootNode))
        {
            return new TunnelConfigurationReadResult { Configuration = new TunnelConfiguration() };
        }

        var reader = new YamlModelReader();
        var configuration = reader.ReadRoot(stream.Documents[0].RootNode);
        var issues = reader._errors.Concat(reader._warnings).ToList();
        return reader._errors.Count > 0
            ? new TunnelConfigurationReadResult { Issues = issues }
            : new TunnelConfigurationReadResult { Configuration = configuration, Issues = issues };
    }

    private static TunnelConfigurationReadResult Failed(ValidationIssue issue) => new() { Issues = [issue] };

    private static string FirstSentence(YamlException exception)
    {
        var message = exception.InnerException?.Message ?? exception.Message;
        var marker = message.IndexOf("): ", StringComparison.Ordinal);
        return (marker >= 0 ? message[(marker + 3)..] : message).TrimEnd('.') + ".";
    }

    private TunnelConfiguration? ReadRoot(YamlNode root)
    {
        if (root is not YamlMappingNode mapping)
        {
            Error(null, null, root, $"The file must be a mapping of cloudflared settings, not {YamlScalars.Describe(root)}.",
                "Start the file with keys such as 'tunnel:' and 'ingress:'.");
            return null;
        }

        var configuration = new TunnelConfiguration();
        var additional = new List<KeyValuePair<string, YamlNode>>();
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = KeyText(keyNode);
            switch (key)
            {
                case "tunnel":
                    configuration = configuration with { Tunnel = ReadText(value, null, "tunnel") };
                    break;
                case "credentials-file":
                    configuration = configuration with { CredentialsFile = ReadText(value, null, "credentials-file") };
                    break;
                case "originRequest":
                    configuration = configuration with { OriginRequest = ReadOriginRequest(value, null, "originRequest") };
                    break;
                case "warp-routing":
                    configuration = configuration with { WarpRouting = ReadWarpRouting(value) };
                    break;
                case "ingress":
                    configuration = configuration with { Ingress = ReadIngress(value) };
                    break;
                default:
                    additional.Add(new KeyValuePair<string, YamlNode>(key, value));
                    break;
            }
        }

        return configuration with { AdditionalSettings = additional };
    }

    private List<IngressRule> ReadIngress(YamlNode node)
    {
        var rules = new List<IngressRule>();
        if (YamlScalars.IsNull(node))
        {
            return rules;
        }

        if (node is not YamlSequenceNode sequence)
        {
            Error(null, "ingress", node, $"ingress must be a list of rules, not {YamlScalars.Describe(node)}.",
                "Write each rule as a list item starting with '- hostname:' or '- service:'.");
            return rules;
        }

        var number = 0;
        foreach (var item in sequence.Children)
        {
            number++;
            rules.Add(ReadRule(item, number));
        }

        return rules;
    }

    private IngressRule ReadRule(YamlNode node, int number)
    {
        var rule = new IngressRule();
        if (YamlScalars.IsNull(node))
        {
            return rule;
        }

        if (node is not YamlMappingNode mapping)
        {
            Error(number, null, node, $"The rule must be a mapping with hostname, path and service, not {YamlScalars.Describe(node)}.",
                "Write the rule as '- hostname: … service: …'.");
            return rule;
        }

        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = KeyText(keyNode);
            switch (key)
            {
                case "hostname":
                    rule = rule with { Hostname = ReadText(value, number, "hostname") };
                    break;
                case "path":
                    rule = rule with { Path = ReadText(value, number, "path") };
                    break;
                case "service":
                    rule = rule with { Service = ReadText(value, number, "service") };
                    break;
                case "originRequest":
                    rule = rule with { OriginRequest = ReadOriginRequest(value, number, "originRequest") };
                    break;
                default:
                    UnusedKey(number, key, keyNode);
                    break;
            }
        }

        return rule;
    }

    private OriginRequest? ReadOriginRequest(YamlNode node, int? rule, string field)
    {
        if (YamlScalars.IsNull(node))
        {
            return null;
        }

        if (node is not YamlMappingNode mapping)
        {
            Error(rule, field, node, $"{field} must be a mapping of origin settings, not {YamlScalars.Describe(node)}.",
                "Write settings such as 'connectTimeout: 30s' indented under it.");
            return null;
        }

        var origin = new OriginRequest();
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = KeyText(keyNode);
            var path = field + "." + key;
            if (OriginRequestField.Find(key) is { } simple)
            {
                if (ReadSimple(value, rule, path, simple.Kind) is { } parsed)
                {
                    origin = simple.Set(origin, parsed);
                }

                continue;
            }

            switch (key)
            {
                case "ipRules":
                    origin = origin with { IpRules = ReadIpRules(value, rule, path) };
                    break;
                case "access":
                    origin = origin with { Access = ReadAccess(value, rule, path) };
                    break;
                default:
                    UnusedKey(rule, path, keyNode);
                    break;
            }
        }

        return origin;
    }

    private OriginAccess? ReadAccess(YamlNode node, int? rule, string field)
    {
        if (YamlScalars.IsNull(node))
        {
            return null;
        }

        if (node is not YamlMappingNode mapping)
        {
            Error(rule, field, node, $"{field} must be a mapping with required, teamName and audTag, not {YamlScalars.Describe(node)}.",
                "Write 'required: true', 'teamName: …' and 'audTag: [ … ]' indented under it.");
            return null;
        }

        var access = new OriginAccess();
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = KeyText(keyNode);
            var path = field + "." + key;
            switch (key)
            {
                case "required":
                    if (ReadSimple(value, rule, path, OriginRequestFieldKind.Boolean) is bool required)
                    {
                        access = access with { Required = required };
                    }

                    break;
                case "teamName":
                    access = access with { TeamName = ReadText(value, rule, path) };
                    break;
                case "environment":
                    access = access with { Environment = ReadText(value, rule, path) };
                    break;
                case "audTag":
                    access = access with { AudTag = ReadTextList(value, rule, path) };
                    break;
                default:
                    UnusedKey(rule, path, keyNode);
                    break;
            }
        }

        return access;
    }

    private List<IpRule>? ReadIpRules(YamlNode node, int? rule, string field)
    {
        if (YamlScalars.IsNull(node))
        {
            return null;
        }

        if (node is not YamlSequenceNode sequence)
        {
            Error(rule, field, node, $"{field} must be a list, not {YamlScalars.Describe(node)}.",
                "Write each entry as '- prefix: 10.0.0.0/8' with 'allow: true' or 'allow: false'.");
            return null;
        }

        var rules = new List<IpRule>();
        var index = 0;
        foreach (var item in sequence.Children)
        {
            var path = $"{field}[{index++}]";
            var ipRule = new IpRule();
            if (item is YamlMappingNode mapping)
            {
                foreach (var (keyNode, value) in mapping.Children)
                {
                    var key = KeyText(keyNode);
                    switch (key)
                    {
                        case "prefix":
                            ipRule = ipRule with { Prefix = ReadText(value, rule, path + ".prefix") };
                            break;
                        case "allow":
                            if (ReadSimple(value, rule, path + ".allow", OriginRequestFieldKind.Boolean) is bool allow)
                            {
                                ipRule = ipRule with { Allow = allow };
                            }

                            break;
                        case "ports":
                            ipRule = ipRule with { Ports = ReadPorts(value, rule, path + ".ports") };
                            break;
                        default:
                            UnusedKey(rule, path + "." + key, keyNode);
                            break;
                    }
                }
            }
            else if (!YamlScalars.IsNull(item))
            {
                Error(rule, path, item, $"{path} must be a mapping with prefix, ports and allow, not {YamlScalars.Describe(item)}.",
                    "Write the entry as '- prefix: 10.0.0.0/8' with 'allow: true'.");
            }

            rules.Add(ipRule);
        }

        return rules;
    }

    private List<int> ReadPorts(YamlNode node, int? rule, string field)
    {
        var ports = new List<int>();
        if (YamlScalars.IsNull(node))
        {
            return ports;
        }

        if (node is not YamlSequenceNode sequence)
        {
            Error(rule, field, node, $"{field} must be a list of port numbers, not {YamlScalars.Describe(node)}.", "Write it as '[80, 443]'.");
            return ports;
        }

        foreach (var item in sequence.Children)
        {
            if (ReadSimple(item, rule, field, OriginRequestFieldKind.Integer) is long port)
            {
                ports.Add((int)Math.Clamp(port, int.MinValue, int.MaxValue));
            }
        }

        return ports;
    }

    private WarpRouting? ReadWarpRouting(YamlNode node)
    {
        if (YamlScalars.IsNull(node))
        {
            return null;
        }

        if (node is not YamlMappingNode mapping)
        {
            Error(null, "warp-routing", node, $"warp-routing must be a mapping, not {YamlScalars.Describe(node)}.",
                "Write settings such as 'connectTimeout: 5s' indented under it.");
            return null;
        }

        var warp = new WarpRouting();
        var additional = new List<KeyValuePair<string, YamlNode>>();
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = KeyText(keyNode);
            var path = "warp-routing." + key;
            switch (key)
            {
                case "connectTimeout":
                    warp = warp with { ConnectTimeout = ReadSimple(value, null, path, OriginRequestFieldKind.Duration) as GoDuration? };
                    break;
                case "tcpKeepAlive":
                    warp = warp with { TcpKeepAlive = ReadSimple(value, null, path, OriginRequestFieldKind.Duration) as GoDuration? };
                    break;
                case "maxActiveFlows":
                    warp = warp with { MaxActiveFlows = ReadSimple(value, null, path, OriginRequestFieldKind.UnsignedInteger) as ulong? };
                    break;
                default:
                    // cloudflared ignores it and says so; it is still written back unchanged.
                    UnusedKey(null, path, keyNode);
                    additional.Add(new KeyValuePair<string, YamlNode>(key, value));
                    break;
            }
        }

        return warp with { AdditionalSettings = additional };
    }

    private object? ReadSimple(YamlNode node, int? rule, string field, OriginRequestFieldKind kind)
    {
        if (YamlScalars.IsNull(node))
        {
            return null;
        }

        if (node is not YamlScalarNode scalar)
        {
            Error(rule, field, node, $"The value must be a single value, not {YamlScalars.Describe(node)}.", FixFor(kind));
            return null;
        }

        var text = scalar.Value ?? string.Empty;
        switch (kind)
        {
            case OriginRequestFieldKind.Text:
                return text;
            case OriginRequestFieldKind.Boolean when YamlScalars.TryBoolean(scalar, out var flag):
                return flag;
            case OriginRequestFieldKind.Integer when YamlScalars.TryInteger(scalar, out var number) && number is >= int.MinValue and <= int.MaxValue:
                return number;
            case OriginRequestFieldKind.UnsignedInteger when YamlScalars.TryInteger(scalar, out var number) && number >= 0:
                return (ulong)number;
            case OriginRequestFieldKind.Duration when !YamlScalars.TryInteger(scalar, out _) && GoDuration.TryParse(text, out var duration):
                return duration;
        }

        var what = kind switch
        {
            OriginRequestFieldKind.Boolean => "true or false",
            OriginRequestFieldKind.Integer => "a whole number",
            OriginRequestFieldKind.UnsignedInteger => "a whole number that is not negative",
            _ => "a duration",
        };
        Error(rule, field, node, $"'{text}' is not {what}.", FixFor(kind));
        return null;
    }

    private static string FixFor(OriginRequestFieldKind kind) => kind switch
    {
        OriginRequestFieldKind.Boolean => "Write true or false.",
        OriginRequestFieldKind.Integer or OriginRequestFieldKind.UnsignedInteger => "Write a number without quotes, for example 100.",
        OriginRequestFieldKind.Duration => "Write a number with a unit, for example 30s or 1m30s.",
        _ => "Write the value as text.",
    };

    private string? ReadText(YamlNode node, int? rule, string field)
    {
        if (YamlScalars.IsNull(node))
        {
            return null;
        }

        if (node is YamlScalarNode scalar)
        {
            return scalar.Value ?? string.Empty;
        }

        Error(rule, field, node, $"The value must be text, not {YamlScalars.Describe(node)}.", "Write a single value on the same line as the key.");
        return null;
    }

    private List<string> ReadTextList(YamlNode node, int? rule, string field)
    {
        var values = new List<string>();
        if (YamlScalars.IsNull(node))
        {
            return values;
        }

        if (node is not YamlSequenceNode sequence)
        {
            Error(rule, field, node, $"The value must be a list, not {YamlScalars.Describe(node)}.", "Write it as a list, for example [\"aud-tag\"].");
            return values;
        }

        foreach (var item in sequence.Children)
        {
            if (ReadText(item, rule, field) is { } value)
            {
                values.Add(value);
            }
        }

        return values;
    }

    private static string KeyText(YamlNode key) => key is YamlScalarNode scalar ? scalar.Value ?? string.Empty : key.ToString();

    // Unknown keys inside rules are reported and then dropped, so they are not written back; cloudflared
    // ignores them too. Unknown top-level keys are kept (see ReadRoot).
    private void UnusedKey(int? rule, string field, YamlNode key) =>
        _warnings.Add(new ValidationIssue
        {
            Severity = IssueSeverity.Warning,
            RuleNumber = rule,
            Field = field,
            Line = (int)key.Start.Line,
            Message = "cloudflared does not know this key and ignores it.",
            Fix = "Remove it or correct its spelling.",
        });

    private void Error(int? rule, string? field, YamlNode node, string message, string fix) =>
        _errors.Add(new ValidationIssue
        {
            Severity = IssueSeverity.Error,
            RuleNumber = rule,
            Field = field,
            Line = (int)node.Start.Line,
            Message = message,
            Fix = fix,
        });
}
