using CsCheck;
using MediaStack.IngressConfigurator.Matching;
using MediaStack.IngressConfigurator.Validation;
using MediaStack.IngressConfigurator.Yaml;

namespace MediaStack.IngressConfigurator.Tests;

// Malformed input of any kind must end in an error value, never an exception.
public class RobustnessProperties
{
    private static readonly Gen<string> _regexText = Gen.String[Gen.Char["ab()[]{}*+?|^$.\\-:,0123456789PpQEdDwWsSxzAbB<>=!#'"], 0, 12];

    private static readonly Gen<string> _yamlText = Gen.String[Gen.Char["abc:- \n\t[]{}'\"#&*!|>%@`?,.0123456789_/\\"], 0, 60];

    [Fact]
    public void AnyPathExpressionIsEitherRejectedOrCompilesAndMatchesWithoutThrowing()
    {
        _regexText.Sample(pattern =>
        {
            if (Re2Regex.TryCreate(pattern, out var regex, out var error))
            {
                regex!.IsMatch("/api/v1/x");
                regex.IsMatch(string.Empty);
            }
            else
            {
                Assert.StartsWith("error parsing regexp: ", error, StringComparison.Ordinal);
            }
        }, iter: 5000);
    }

    [Fact]
    public void AnyYamlTextIsReadOrRejectedWithoutThrowing()
    {
        _yamlText.Sample(text =>
        {
            var read = TunnelConfigurationYaml.Deserialize("ingress:\n  - " + text);
            if (read.Succeeded)
            {
                IngressValidator.Validate(read.Configuration!);
            }
            else
            {
                Assert.NotEmpty(read.Issues);
            }
        }, iter: 20000);
    }

    [Fact]
    public void AnyServiceTextIsValidatedWithoutThrowing()
    {
        Gen.String[Gen.Char["htpsunix+:/[]@%.0123456789abc_-?#* "], 0, 30].Sample(service =>
        {
            var configuration = new Model.TunnelConfiguration { Ingress = [new Model.IngressRule { Service = service }] };
            var result = IngressValidator.Validate(configuration);
            if (result.IsValid)
            {
                IngressMatcher.Create(configuration).Match("a.example.com", "/");
            }
        }, iter: 3000);
    }
}
