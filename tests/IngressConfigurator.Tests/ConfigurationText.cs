using MediaStack.IngressConfigurator.Validation;
using MediaStack.IngressConfigurator.Yaml;

namespace MediaStack.IngressConfigurator.Tests;

internal static class ConfigurationText
{
    public static ValidationResult Validate(string yaml, bool containerized = true)
    {
        var read = TunnelConfigurationYaml.Deserialize(yaml);
        Assert.True(read.Succeeded, string.Join(Environment.NewLine, read.Issues));
        return IngressValidator.Validate(read.Configuration!, new ValidationOptions { ContainerizedConnector = containerized });
    }

    public static ValidationIssue FirstError(string yaml) => Validate(yaml).Errors.First();
}
