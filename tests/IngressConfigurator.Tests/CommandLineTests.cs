using MediaStack.IngressConfigurator.Cli;
using MediaStack.IngressConfigurator.Tests.Shared;

namespace MediaStack.IngressConfigurator.Tests;

public class CommandLineTests
{
    private const string ValidYaml = """
        ingress:
          - hostname: immich.example.com
            service: http://immich-server:2283
          - hostname: "*.example.com"
            path: ^/api
            service: ssh://box
          - service: http_status:404
        """;

    private static async Task<(int ExitCode, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await IngressCommandLine.InvokeAsync(args, output, error, TestContext.Current.CancellationToken);
        return (exitCode, output.ToString().ReplaceLineEndings("\n"), error.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task ValidatePrintsWhatItCheckedAndOk()
    {
        using var file = new TempConfigFile(ValidYaml);

        var (exitCode, output, error) = await Run("validate", file.FilePath);

        Assert.Equal(0, exitCode);
        Assert.Equal($"Validating rules from {file.FilePath}\nOK\n", output);
        Assert.Empty(error);
        Assert.True(file.IsUnchanged);
    }

    [Fact]
    public async Task ValidateReportsTheFirstErrorWithRuleAndFieldAndExitsOne()
    {
        using var file = new TempConfigFile("ingress:\n  - hostname: a.example.com:8080\n    service: http://a:80\n  - service: http_status:404\n");

        var (exitCode, _, error) = await Run("validate", file.FilePath);

        Assert.Equal(1, exitCode);
        Assert.StartsWith("Validation failed: Rule #1 hostname: Hostname cannot contain a port.", error, StringComparison.Ordinal);
        Assert.True(file.IsUnchanged);
    }

    [Theory]
    [InlineData("ingress: [\n", "line", "broken YAML")]
    [InlineData("ingress:\n  - service: http://a:80\n    originRequest:\n      connectTimeout: 30\n", "Rule #1 originRequest.connectTimeout", "wrong type")]
    [InlineData("ingress:\n  - service: [x]\n", "Rule #1 service", "list instead of text")]
    [InlineData("ingress: 5\n", "ingress", "scalar instead of list")]
    [InlineData("", "The config file doesn't contain any ingress rules", "empty file")]
    [InlineData("ingress:\n  - hostname: a.example.com\n    path: (?=x)\n    service: http://a:80\n  - service: http_status:404\n", "Rule #1 path", "bad regex")]
    public async Task ValidateReportsMalformedInputWithoutAStackTrace(string yaml, string expected, string why)
    {
        using var file = new TempConfigFile(yaml);

        var (exitCode, _, error) = await Run("validate", file.FilePath);

        Assert.True(exitCode == 1, why);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.True(file.IsUnchanged);
    }

    [Fact]
    public async Task UnreadableYamlFailsBeforeTheValidatingLineLikeCloudflared()
    {
        using var file = new TempConfigFile("ingress: [\n");

        var (exitCode, output, error) = await Run("validate", file.FilePath);

        Assert.Equal(1, exitCode);
        Assert.Empty(output);
        Assert.StartsWith("Validation failed: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateReportsAMissingFile()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".yml");

        var (exitCode, _, error) = await Run("validate", path);

        Assert.Equal(1, exitCode);
        Assert.Contains(path, error, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task ValidateListsUnusedKeysInsteadOfOkLikeCloudflared()
    {
        using var file = new TempConfigFile("ingress:\n  - service: http_status:404\n    hostnme: x\n");

        var (exitCode, output, _) = await Run("validate", file.FilePath);

        Assert.Equal(0, exitCode);
        Assert.Contains("Warning: unused keys detected in your config file. Here is a list of unused keys:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("OK", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidatePrintsWarningsThenOk()
    {
        using var file = new TempConfigFile("ingress:\n  - hostname: a.example.com\n    service: http://localhost:80\n  - service: http_status:404\n");

        var (exitCode, output, _) = await Run("validate", file.FilePath);

        Assert.Equal(0, exitCode);
        Assert.Contains("Warning: Rule #1 service:", output, StringComparison.Ordinal);
        Assert.EndsWith("OK\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateWithHostConnectorDoesNotWarnAboutLocalhost()
    {
        using var file = new TempConfigFile("ingress:\n  - service: http://localhost:80\n");

        var (_, output, _) = await Run("validate", file.FilePath, "--host-connector");

        Assert.DoesNotContain("Warning", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RulePrintsTheZeroBasedRuleNumberAndServiceLikeCloudflared()
    {
        using var file = new TempConfigFile(ValidYaml);

        var (exitCode, output, _) = await Run("rule", file.FilePath, "https://a.b.example.com:8443/api/v1?x=1");

        Assert.Equal(0, exitCode);
        Assert.Equal($"Using rules from {file.FilePath}\nMatched rule #1\n\thostname: *.example.com\n\tpath: ^/api\n\tservice: ssh://box:22\n", output);
        Assert.True(file.IsUnchanged);
    }

    [Fact]
    public async Task RuleFallsThroughToTheCatchAll()
    {
        using var file = new TempConfigFile(ValidYaml);

        var (_, output, _) = await Run("rule", file.FilePath, "https://other.org/");

        Assert.EndsWith("Matched rule #2\n\tservice: http_status:404\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RuleMatchesTheDecodedPath()
    {
        using var file = new TempConfigFile("ingress:\n  - path: ^/a b$\n    service: http://a:80\n  - service: http_status:404\n");

        var (_, output, _) = await Run("rule", file.FilePath, "https://x.example.com/a%20b");

        Assert.Contains("Matched rule #0", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://[::1", "http://[::1 is not a valid URL")]
    [InlineData("http://a.example.com/%zz", "is not a valid URL")]
    [InlineData("example.com/path", "example.com/path doesn't have a hostname, consider adding a scheme")]
    public async Task RuleRejectsABadUrl(string url, string expected)
    {
        using var file = new TempConfigFile(ValidYaml);

        var (exitCode, _, error) = await Run("rule", file.FilePath, url);

        Assert.Equal(1, exitCode);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RuleRejectsAnInvalidConfiguration()
    {
        using var file = new TempConfigFile("ingress:\n  - hostname: a.example.com\n    service: http://a:80\n");

        var (exitCode, _, error) = await Run("rule", file.FilePath, "https://a.example.com/");

        Assert.Equal(1, exitCode);
        Assert.StartsWith("Validation failed: Rule #1 hostname: The last ingress rule must match all URLs", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("validate", "--help")]
    [InlineData("rule", "--help")]
    public async Task HelpIsAvailableOnEveryCommand(params string[] args)
    {
        var (exitCode, output, _) = await Run(args);

        Assert.Equal(0, exitCode);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("rule", "config.yml")]
    public async Task MissingArgumentsExitOne(params string[] args)
    {
        var (exitCode, _, error) = await Run(args);

        Assert.Equal(1, exitCode);
        Assert.Contains("Required argument missing", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "validate", "x" }, true)]
    [InlineData(new[] { "rule" }, true)]
    [InlineData(new[] { "--help" }, true)]
    [InlineData(new[] { "--urls", "http://x" }, false)]
    public void OnlyVerbsAndHelpSelectTheCommandLine(string[] args, bool expected) =>
        Assert.Equal(expected, IngressCommandLine.IsCommandLine(args));

    [Fact]
    public async Task TheBuiltProgramValidatesAndTestsRulesAsARealProcess()
    {
        using var file = new TempConfigFile(ValidYaml);

        var validate = await RunProcess("validate", file.FilePath);
        var rule = await RunProcess("rule", file.FilePath, "https://immich.example.com/photos");
        var invalid = await RunProcess("rule", file.FilePath, "not a url");

        Assert.Equal(0, validate.ExitCode);
        Assert.Equal($"Validating rules from {file.FilePath}\nOK\n", validate.Output);
        Assert.Equal(0, rule.ExitCode);
        Assert.Equal($"Using rules from {file.FilePath}\nMatched rule #0\n\thostname: immich.example.com\n\tservice: http://immich-server:2283\n", rule.Output);
        Assert.Equal(1, invalid.ExitCode);
        Assert.Contains("doesn't have a hostname", invalid.Error, StringComparison.Ordinal);
        Assert.True(file.IsUnchanged);
    }

    private static Task<(int ExitCode, string Output, string Error)> RunProcess(params string[] args) =>
        ConfiguratorProcess.RunAsync(args, new Dictionary<string, string>(), TestContext.Current.CancellationToken);

    [Fact]
    public async Task UnknownVerbIsReportedInsteadOfStartingTheResourceMode()
    {
        Assert.True(IngressCommandLine.IsCommandLine(["frobnicate"]));
        Assert.False(IngressCommandLine.IsCommandLine(["--Tunnel:Mode=LocalPreview"]));

        var (exitCode, _, error) = await Run("frobnicate");

        Assert.Equal(1, exitCode);
        Assert.Contains("frobnicate", error, StringComparison.Ordinal);
    }
}
