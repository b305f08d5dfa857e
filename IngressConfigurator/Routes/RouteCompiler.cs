using MediaStack.IngressConfigurator.Matching;
using MediaStack.IngressConfigurator.Model;
using MediaStack.IngressConfigurator.Validation;

namespace MediaStack.IngressConfigurator.Routes;

/// <summary>
/// Compiles the AppHost's routes into an ordered cloudflared configuration that ends with a
/// <c>http_status:404</c> catch-all, and validates it as cloudflared would.
/// </summary>
public static class RouteCompiler
{
    /// <summary>The service of the catch-all rule every compiled configuration ends with.</summary>
    public const string CatchAllService = "http_status:404";

    /// <summary>Compiles routes; never throws for bad route data.</summary>
    /// <param name="routes">The routes handed over by the AppHost.</param>
    /// <param name="options">Domain, tunnel identity and Access settings.</param>
    /// <returns>The configuration, or errors that name the resource and field.</returns>
    public static CompileResult Compile(IReadOnlyList<TunnelRoute> routes, CompileOptions options) =>
        Validate(Order(routes, options), options);

    /// <summary>
    /// Checks the routes and orders them into rules ending with the catch-all, without cloudflared's
    /// validation; <see cref="Validate"/> completes what <see cref="Compile"/> does in one call.
    /// </summary>
    /// <param name="routes">The routes handed over by the AppHost.</param>
    /// <param name="options">Domain, tunnel identity and Access settings.</param>
    /// <returns>The ordered configuration, or errors that name the resource and field.</returns>
    public static CompileResult Order(IReadOnlyList<TunnelRoute> routes, CompileOptions options)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<ValidationIssue>();
        var domain = NormalizeDomain(options.Domain, errors);
        var dotDomain = "." + domain;
        var compiled = new List<CompiledRoute>(routes.Count);
        var claimed = new Dictionary<(string Host, string Path), string>(routes.Count);
        var injectAccess = !string.IsNullOrWhiteSpace(options.AccessTeamName) && !string.IsNullOrWhiteSpace(options.AccessAudTag);
        var accessCheck = injectAccess
            ? new OriginAccess { Required = true, TeamName = options.AccessTeamName!.Trim(), AudTag = [options.AccessAudTag!.Trim()] }
            : null;

        // Settings are immutable, so every protected route without its own settings shares one instance.
        var accessOnly = new OriginRequest { Access = accessCheck };
        for (var i = 0; i < routes.Count; i++)
        {
            var route = routes[i];
            if (route is null)
            {
                errors.Add(new ValidationIssue { Severity = IssueSeverity.Error, Message = $"Route {i + 1} is missing.", Fix = "Remove the empty entry." });
                continue;
            }

            var name = string.IsNullOrWhiteSpace(route.ResourceName) ? $"#{i + 1}" : route.ResourceName;
            if (string.IsNullOrWhiteSpace(route.ResourceName))
            {
                errors.Add(Error(name, "ResourceName", "The route has no resource name.", "Set the name of the resource that serves the route."));
            }

            var countBefore = errors.Count;
            if (route.Access == RouteAccess.Unspecified)
            {
                errors.Add(Error(name, "Access", "The route is neither protected by Access nor marked public.",
                    "Mark the route Protected (only allowed people get in) or Public (anyone on the internet)."));
            }
            else if (!Enum.IsDefined(route.Access))
            {
                errors.Add(Error(name, "Access", $"'{route.Access}' is not an Access decision.", "Use Protected or Public."));
            }

            var hostname = NormalizeHostname(route.Hostname, name, domain, dotDomain, errors);
            var path = string.IsNullOrEmpty(route.Path) ? null : route.Path;
            if (path is not null && !Re2Regex.IsValid(path, out var pathError))
            {
                errors.Add(Error(name, "Path", $"The path is not a valid Go regular expression: {pathError}",
                    "Write the path as an RE2 expression, for example ^/photos; backreferences and lookaround are not allowed."));
            }

            if (string.IsNullOrWhiteSpace(route.Service))
            {
                errors.Add(Error(name, "Service", "The route has no service URL.", "Set the origin URL as cloudflared sees it, for example http://immich-server:2283."));
            }

            var origin = OriginRequestTextParser.Parse(route, name, errors);
            if (injectAccess && route.Access == RouteAccess.Protected && origin?.Access is null)
            {
                origin = origin is null ? accessOnly : origin with { Access = accessCheck };
            }

            if (errors.Count != countBefore || hostname is null)
            {
                continue;
            }

            if (claimed.TryGetValue((hostname, path ?? string.Empty), out var owner))
            {
                errors.Add(Error(name, "Hostname",
                    path is null
                        ? $"Routes '{owner}' and '{name}' both claim hostname '{hostname}' with no path."
                        : $"Routes '{owner}' and '{name}' both claim hostname '{hostname}' and path '{path}'.",
                    "Give one of them a different hostname or path."));
                continue;
            }

            claimed[(hostname, path ?? string.Empty)] = name;
            compiled.Add(new CompiledRoute(name, hostname, path, route.Service.Trim(), origin));
        }

        if (errors.Count > 0)
        {
            return new CompileResult { Issues = errors };
        }

        var keys = new RouteSortKey[compiled.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = new RouteSortKey(compiled[i], i);
        }

        Array.Sort(keys);
        compiled = [.. keys.Select(key => compiled[key.Index])];
        var rules = new List<IngressRule>(compiled.Count + 1);
        rules.AddRange(compiled.Select(route => route.ToRule()));
        rules.Add(new IngressRule { Service = CatchAllService });
        var configuration = new TunnelConfiguration
        {
            Tunnel = string.IsNullOrWhiteSpace(options.TunnelId) ? null : options.TunnelId.Trim(),
            CredentialsFile = string.IsNullOrWhiteSpace(options.CredentialsFile) ? null : options.CredentialsFile.Trim(),
            Ingress = rules,
        };

        return new CompileResult
        {
            Configuration = configuration,
            RuleResourceNames = [.. compiled.Select(route => route.ResourceName)],
        };
    }

    /// <summary>
    /// Validates an ordered configuration as cloudflared would, naming each issue's resource.
    /// </summary>
    /// <param name="ordered">The result of <see cref="Order"/>; a failed one is returned as it is.</param>
    /// <param name="options">The options <paramref name="ordered"/> was made with.</param>
    /// <returns>The validated configuration with its warnings, or the errors.</returns>
    public static CompileResult Validate(CompileResult ordered, CompileOptions options)
    {
        ArgumentNullException.ThrowIfNull(ordered);
        ArgumentNullException.ThrowIfNull(options);
        if (ordered.Configuration is not { } configuration)
        {
            return ordered;
        }

        var resources = ordered.RuleResourceNames;
        var validation = IngressValidator.Validate(configuration, new ValidationOptions { ContainerizedConnector = options.ContainerizedConnector });
        var issues = validation.Issues
            .Select(issue => issue.RuleNumber is { } number && number <= resources.Count
                ? issue with { ResourceName = resources[number - 1] }
                : issue)
            .ToList();
        return validation.IsValid
            ? ordered with { Issues = issues }
            : new CompileResult { Issues = issues };
    }

    private static string? NormalizeDomain(string? domain, List<ValidationIssue> errors)
    {
        if (string.IsNullOrWhiteSpace(domain))
        {
            return null;
        }

        var ascii = IdnHostname.ToAscii(domain.Trim().TrimEnd('.'));
        if (ascii is null)
        {
            errors.Add(new ValidationIssue
            {
                Severity = IssueSeverity.Error,
                Field = "Domain",
                Message = $"'{domain}' is not a valid domain name.",
                Fix = "Set the tunnel domain to a name such as example.com.",
            });
        }

        return ascii;
    }

    private static string? NormalizeHostname(string? hostname, string resource, string? domain, string dotDomain, List<ValidationIssue> errors)
    {
        var text = hostname?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            errors.Add(Error(resource, "Hostname", "The route has no hostname.", "Set the public hostname, for example immich.example.com."));
            return null;
        }

        if (HostnameText.TryRemoveScheme(text, out var withoutScheme))
        {
            errors.Add(Error(resource, "Hostname", $"Hostname cannot contain a scheme ('{text}').", $"Write '{withoutScheme}'; cloudflared serves every hostname over HTTPS at Cloudflare's edge."));
            return null;
        }

        if (HostPort.TrySplit(text, out var withoutPort, out _))
        {
            errors.Add(Error(resource, "Hostname", $"Hostname cannot contain a port ('{text}').", $"Write '{withoutPort}'; the port belongs in the service URL."));
            return null;
        }

        var wildcard = text.StartsWith("*.", StringComparison.Ordinal);
        var body = wildcard ? text[2..] : text;
        if (body.Contains('*', StringComparison.Ordinal) || text == "*")
        {
            errors.Add(Error(resource, "Hostname", $"'{text}' uses '*' other than as a single leading '*.'.",
                "Use a name such as app.example.com or a wildcard such as *.example.com."));
            return null;
        }

        var ascii = IdnHostname.ToAscii(body.TrimEnd('.'));
        if (ascii is null || ascii.Length == 0 || ascii.Contains("..", StringComparison.Ordinal))
        {
            errors.Add(Error(resource, "Hostname", $"'{text}' is not a valid DNS hostname.",
                "Use letters, digits and hyphens in dot-separated labels, for example immich.example.com."));
            return null;
        }

        if (domain is not null && ascii != domain && !ascii.EndsWith(dotDomain, StringComparison.Ordinal))
        {
            errors.Add(Error(resource, "Hostname", $"'{text}' is not '{domain}' or a name under it.",
                $"Use a hostname that ends with '.{domain}', or change the tunnel domain."));
            return null;
        }

        return wildcard ? "*." + ascii : ascii;
    }

    private static ValidationIssue Error(string resource, string field, string message, string fix) => new()
    {
        Severity = IssueSeverity.Error,
        ResourceName = resource,
        Field = field,
        Message = message,
        Fix = fix,
    };
}
