using System.Globalization;
using MediaStack.IngressConfigurator.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace MediaStack.IngressConfigurator.Yaml;

/// <summary>
/// Writes <see cref="TunnelConfiguration"/> as YAML in a fixed key order, so equal configurations give equal bytes.
/// </summary>
internal sealed class YamlModelWriter
{
    private readonly IEmitter _emitter;

    private YamlModelWriter(IEmitter emitter) => _emitter = emitter;

    public static string Write(TunnelConfiguration configuration)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var settings = new EmitterSettings(2, int.MaxValue, false, 1024, false, true, "\n");
        var writer = new YamlModelWriter(new Emitter(text, settings));
        writer.WriteDocument(configuration);
        return text.ToString();
    }

    private void WriteDocument(TunnelConfiguration configuration)
    {
        _emitter.Emit(new StreamStart());
        _emitter.Emit(new DocumentStart(null, null, true));
        _emitter.Emit(new MappingStart(null, null, true, MappingStyle.Block));
        TextEntry("tunnel", configuration.Tunnel);
        TextEntry("credentials-file", configuration.CredentialsFile);
        foreach (var (key, node) in configuration.AdditionalSettings)
        {
            Text(key);
            Node(node);
        }

        if (configuration.OriginRequest is { } origin)
        {
            Text("originRequest");
            OriginRequest(origin);
        }

        if (configuration.WarpRouting is { } warp)
        {
            Text("warp-routing");
            _emitter.Emit(new MappingStart(null, null, true, MappingStyle.Block));
            PlainEntry("connectTimeout", warp.ConnectTimeout?.ToString());
            PlainEntry("maxActiveFlows", warp.MaxActiveFlows?.ToString(CultureInfo.InvariantCulture));
            PlainEntry("tcpKeepAlive", warp.TcpKeepAlive?.ToString());
            foreach (var (key, node) in warp.AdditionalSettings)
            {
                Text(key);
                Node(node);
            }

            _emitter.Emit(new MappingEnd());
        }

        Text("ingress");
        _emitter.Emit(new SequenceStart(null, null, true, SequenceStyle.Block));
        foreach (var rule in configuration.Ingress)
        {
            _emitter.Emit(new MappingStart(null, null, true, MappingStyle.Block));
            TextEntry("hostname", rule.Hostname);
            TextEntry("path", rule.Path);
            TextEntry("service", rule.Service);
            if (rule.OriginRequest is { } ruleOrigin)
            {
                Text("originRequest");
                OriginRequest(ruleOrigin);
            }

            _emitter.Emit(new MappingEnd());
        }

        _emitter.Emit(new SequenceEnd());
        _emitter.Emit(new MappingEnd());
        _emitter.Emit(new DocumentEnd(true));
        _emitter.Emit(new StreamEnd());
    }

    private void OriginRequest(OriginRequest origin)
    {
        _emitter.Emit(new MappingStart(null, null, true, MappingStyle.Block));
        foreach (var field in OriginRequestField.All)
        {
            if (field.Name == "http2Origin" && origin.IpRules is { } ipRules)
            {
                IpRules(ipRules);
            }

            var value = field.Get(origin);
            if (value is null)
            {
                continue;
            }

            if (field.Kind == OriginRequestFieldKind.Text)
            {
                TextEntry(field.Name, (string)value);
            }
            else
            {
                PlainEntry(field.Name, Format(value));
            }
        }

        if (origin.Access is { } access)
        {
            Text("access");
            _emitter.Emit(new MappingStart(null, null, true, MappingStyle.Block));
            PlainEntry("required", access.Required ? "true" : "false");
            TextEntry("teamName", access.TeamName);
            Text("audTag");
            _emitter.Emit(new SequenceStart(null, null, true, SequenceStyle.Block));
            foreach (var tag in access.AudTag)
            {
                Text(tag);
            }

            _emitter.Emit(new SequenceEnd());
            TextEntry("environment", access.Environment);
            _emitter.Emit(new MappingEnd());
        }

        _emitter.Emit(new MappingEnd());
    }

    private void IpRules(IReadOnlyList<IpRule> ipRules)
    {
        Text("ipRules");
        _emitter.Emit(new SequenceStart(null, null, true, SequenceStyle.Block));
        foreach (var ipRule in ipRules)
        {
            _emitter.Emit(new MappingStart(null, null, true, MappingStyle.Block));
            TextEntry("prefix", ipRule.Prefix);
            Text("ports");
            _emitter.Emit(new SequenceStart(null, null, true, SequenceStyle.Flow));
            foreach (var port in ipRule.Ports)
            {
                Plain(port.ToString(CultureInfo.InvariantCulture));
            }

            _emitter.Emit(new SequenceEnd());
            PlainEntry("allow", ipRule.Allow ? "true" : "false");
            _emitter.Emit(new MappingEnd());
        }

        _emitter.Emit(new SequenceEnd());
    }

    private static string Format(object value) => value switch
    {
        bool flag => flag ? "true" : "false",
        GoDuration duration => duration.ToString(),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private void TextEntry(string key, string? value)
    {
        if (value is null)
        {
            return;
        }

        Text(key);
        Text(value);
    }

    private void PlainEntry(string key, string? value)
    {
        if (value is null)
        {
            return;
        }

        Text(key);
        Plain(value);
    }

    private void Text(string value)
    {
        var style = YamlScalars.NeedsQuotes(value) ? ScalarStyle.DoubleQuoted : ScalarStyle.Plain;
        _emitter.Emit(new Scalar(null, null, value, style, true, true));
    }

    private void Plain(string value) => _emitter.Emit(new Scalar(null, null, value, ScalarStyle.Plain, true, false));

    private void Node(YamlNode node)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                _emitter.Emit(new Scalar(null, scalar.Tag, scalar.Value ?? string.Empty, scalar.Style, scalar.Tag.IsEmpty, scalar.Tag.IsEmpty));
                break;
            case YamlSequenceNode sequence:
                _emitter.Emit(new SequenceStart(null, sequence.Tag, sequence.Tag.IsEmpty, sequence.Style));
                foreach (var child in sequence.Children)
                {
                    Node(child);
                }

                _emitter.Emit(new SequenceEnd());
                break;
            case YamlMappingNode mapping:
                _emitter.Emit(new MappingStart(null, mapping.Tag, mapping.Tag.IsEmpty, mapping.Style));
                foreach (var (key, value) in mapping.Children)
                {
                    Node(key);
                    Node(value);
                }

                _emitter.Emit(new MappingEnd());
                break;
        }
    }
}
