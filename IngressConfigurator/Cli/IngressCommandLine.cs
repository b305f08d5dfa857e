using System.CommandLine;
using MediaStack.IngressConfigurator.Matching;
using MediaStack.IngressConfigurator.Model;
using MediaStack.IngressConfigurator.Validation;
using MediaStack.IngressConfigurator.Yaml;

namespace MediaStack.IngressConfigurator.Cli;

/// <summary>
/// The command line that mirrors <c>cloudflared tunnel ingress validate</c> and <c>cloudflared tunnel ingress rule</c>,
/// and plans or applies the routes through Cloudflare's API for CI.
/// </summary>
public static class IngressCommandLine
{
    private static readonly HashSet<string> _entryTokens = new(StringComparer.Ordinal)
    {
        "validate", "rule", "plan", "apply", "--help", "-h", "-?", "/?", "/h", "--version",
    };

    /// <summary>Reports whether the arguments ask for a command-line verb rather than the AppHost resource mode.</summary>
    /// <param name="args">The process arguments.</param>
    /// <returns><see langword="true"/> when the first argument is a verb or a help or version switch.</returns>
    public static bool IsCommandLine(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        // The AppHost starts the resource mode with no arguments, or with configuration switches
        // such as --Tunnel:Mode=...; a bare word is always meant as a verb, so an unknown one is
        // reported as such instead of silently starting the resource mode.
        return args.Length > 0
            && (_entryTokens.Contains(args[0]) || !args[0].StartsWith('-'));
    }

    /// <summary>Runs a command and returns its exit code: 0 on success, 1 on any error.</summary>
    /// <param name="args">The arguments, starting with the verb.</param>
    /// <param name="output">Where normal output goes.</param>
    /// <param name="error">Where errors go.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The exit code.</returns>
    public static Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var root = BuildRootCommand(output, error);
        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        return root.Parse(args).InvokeAsync(configuration, cancellationToken);
    }

    private static RootCommand BuildRootCommand(TextWriter output, TextWriter error)
    {
        var root = new RootCommand(
            "MediaStack IngressConfigurator: compiles, checks and tests cloudflared tunnel ingress rules. " +
            "Without a command it runs as the AppHost's resource.");

        var validateConfig = new Argument<string>("config.yml") { Description = "The cloudflared configuration file to check." };
        var hostConnector = new Option<bool>("--host-connector")
        {
            Description = "cloudflared runs directly on the host, so localhost services are not reported.",
        };
        var validate = new Command("validate", "Checks the ingress rules as 'cloudflared tunnel ingress validate' does; prints OK and exits 0, or the errors and exits 1.")
        {
            validateConfig,
            hostConnector,
        };
        validate.SetAction(parseResult => Guard(error, () => Validate(
            parseResult.GetValue(validateConfig)!,
            !parseResult.GetValue(hostConnector),
            output,
            error)));

        var ruleConfig = new Argument<string>("config.yml") { Description = "The cloudflared configuration file." };
        var ruleUrl = new Argument<string>("url") { Description = "The request URL to test, for example https://immich.example.com/api." };
        var rule = new Command("rule", "Shows which ingress rule a URL matches, as 'cloudflared tunnel ingress rule' does (rules numbered from 0).")
        {
            ruleConfig,
            ruleUrl,
        };
        rule.SetAction(parseResult => Guard(error, () => Rule(
            parseResult.GetValue(ruleConfig)!,
            parseResult.GetValue(ruleUrl)!,
            output,
            error)));

        root.Subcommands.Add(validate);
        root.Subcommands.Add(rule);
        root.Subcommands.Add(BuildPublishCommand(apply: false, output, error));
        root.Subcommands.Add(BuildPublishCommand(apply: true, output, error));
        return root;
    }

    private static Command BuildPublishCommand(bool apply, TextWriter output, TextWriter error)
    {
        var settings = new Option<FileInfo>("--settings")
        {
            Description = "A JSON file with the 'Tunnel' (Domain, Routes) and 'Cloudflare' (ApiToken, AccountId, TunnelId, "
                + "OwnerId, ...) sections; environment variables such as Tunnel__Routes__0__Hostname and "
                + "Cloudflare__ApiToken override it.",
        };
        var prune = new Option<bool>("--prune")
        {
            Description = apply
                ? "Also delete DNS records, Access applications and tunnel rules this stack owns whose route is gone."
                : "Show the deletions 'apply --prune' would make for owned items whose route is gone.",
        };
        var command = apply
            ? new Command("apply", "Plans the routes against Cloudflare and applies the plan; exits 0 when everything was applied, 1 otherwise.")
            : new Command("plan", "Shows what 'apply' would change in tunnel rules, DNS and Access, without writing anything; exits 0 when the plan was computed, 1 otherwise.");
        command.Options.Add(settings);
        command.Options.Add(prune);
        command.SetAction((parseResult, cancellationToken) => GuardAsync(error, () => CloudflarePublishCommand.RunAsync(
            apply,
            parseResult.GetValue(prune),
            parseResult.GetValue(settings),
            output,
            error,
            cancellationToken)));
        return command;
    }

    private static int Validate(string path, bool containerized, TextWriter output, TextWriter error)
    {
        // Like cloudflared, a file that cannot be read or parsed fails before the 'Validating' line.
        var read = TunnelConfigurationYaml.ReadFile(path);
        if (!read.Succeeded)
        {
            return Fail(read.Issues.Where(i => i.Severity == IssueSeverity.Error), error);
        }

        output.WriteLine($"Validating rules from {path}");

        var result = IngressValidator.Validate(read.Configuration!, new ValidationOptions { ContainerizedConnector = containerized });
        if (!result.IsValid)
        {
            return Fail(result.Errors, error);
        }

        foreach (var warning in result.Warnings)
        {
            output.WriteLine($"Warning: {warning}");
        }

        var unusedKeys = read.Issues.Where(i => i.Severity == IssueSeverity.Warning).ToList();
        if (unusedKeys.Count > 0)
        {
            // cloudflared lists keys it ignores instead of printing OK, and still exits 0.
            output.WriteLine("Warning: unused keys detected in your config file. Here is a list of unused keys:");
            foreach (var unused in unusedKeys)
            {
                output.WriteLine(unused.ToString());
            }

            return 0;
        }

        output.WriteLine("OK");
        return 0;
    }

    private static int Rule(string path, string url, TextWriter output, TextWriter error)
    {
        // cloudflared reads the configuration file before it looks at the URL.
        var read = TunnelConfigurationYaml.ReadFile(path);
        if (!read.Succeeded)
        {
            return Fail(read.Issues.Where(i => i.Severity == IssueSeverity.Error), error);
        }

        if (url.Length == 0)
        {
            error.WriteLine("cloudflared tunnel rule expects a single argument, the URL to test");
            return 1;
        }

        if (!GoUrl.TryParse(url, out var requestUrl, out _))
        {
            error.WriteLine($"{url} is not a valid URL");
            return 1;
        }

        if (requestUrl.Hostname.Length == 0 && requestUrl.Scheme.Length == 0)
        {
            error.WriteLine($"{url} doesn't have a hostname, consider adding a scheme");
            return 1;
        }

        output.WriteLine($"Using rules from {path}");
        var configuration = read.Configuration!;
        var result = IngressValidator.Validate(configuration);
        if (!result.IsValid)
        {
            return Fail(result.Errors, error);
        }

        var match = IngressMatcher.Create(configuration).Match(requestUrl.Hostname, requestUrl.Path);
        output.WriteLine(IngressMatcher.Describe(match));
        return 0;
    }

    private static int Fail(IEnumerable<ValidationIssue> errors, TextWriter error)
    {
        var first = true;
        foreach (var issue in errors)
        {
            error.WriteLine(first ? $"Validation failed: {issue}" : $"  {issue}");
            first = false;
        }

        return 1;
    }

    private static async Task<int> GuardAsync(TextWriter error, Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception exception) when (exception is not (OutOfMemoryException or OperationCanceledException))
        {
            await error.WriteLineAsync($"Unexpected error: {exception.Message}");
            return 1;
        }
    }

    private static int Guard(TextWriter error, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Bad input is reported above; this keeps any unforeseen failure to one line, never a stack trace.
            error.WriteLine($"Unexpected error: {exception.Message}");
            return 1;
        }
    }
}
