using MediaStack.IngressConfigurator.Model;
using MediaStack.IngressConfigurator.Validation;

namespace MediaStack.IngressConfigurator.Yaml;

/// <summary>
/// Reads and writes cloudflared's <c>config.yml</c>. Writing is deterministic: the same configuration
/// always gives the same bytes, and reading the output gives the same configuration back.
/// </summary>
public static class TunnelConfigurationYaml
{
    /// <summary>Writes a configuration as YAML (LF line endings, two-space indent, fixed key order).</summary>
    /// <param name="configuration">The configuration.</param>
    /// <returns>The YAML text.</returns>
    public static string Serialize(TunnelConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return YamlModelWriter.Write(configuration);
    }

    /// <summary>Reads YAML text with the field types cloudflared uses; never throws for bad input.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <returns>The configuration, or the errors naming rule, field and line.</returns>
    public static TunnelConfigurationReadResult Deserialize(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        return YamlModelReader.Read(yaml);
    }

    /// <summary>Reads a YAML file without changing it; a missing or unreadable file is reported as an error.</summary>
    /// <param name="path">The file path.</param>
    /// <returns>The configuration, or the errors.</returns>
    public static TunnelConfigurationReadResult ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            var reason = exception is FileNotFoundException or DirectoryNotFoundException
                ? "does not exist"
                : "cannot be read (" + exception.GetType().Name + ")";
            return new TunnelConfigurationReadResult
            {
                Issues =
                [
                    new ValidationIssue
                    {
                        Severity = IssueSeverity.Error,
                        Message = $"The configuration file '{path}' {reason}.",
                        Fix = "Check the path and the file's permissions.",
                    },
                ],
            };
        }

        return Deserialize(text);
    }
}
