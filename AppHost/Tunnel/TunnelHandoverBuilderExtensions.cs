using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace MediaStack.AppHost.Tunnel;

/// <summary>
/// Hands the tunnel settings and every declared route to the ingress-configurator through the
/// configuration keys of its hand-over contract (<c>Tunnel:*</c> and <c>Cloudflare:*</c>).
/// </summary>
internal static class TunnelHandoverBuilderExtensions
{
    /// <summary>
    /// Sets the hand-over environment on the configurator and checks the routes when the AppHost starts.
    /// </summary>
    /// <param name="builder">The ingress-configurator project.</param>
    /// <param name="settings">The owner's settings.</param>
    /// <param name="apiToken">The Cloudflare API token parameter (remotely-managed mode only).</param>
    /// <param name="ownerId">The owner id parameter for Cloudflare's ownership marks (remotely-managed mode only).</param>
    /// <returns>The same resource builder.</returns>
    public static IResourceBuilder<ProjectResource> WithTunnelHandover(
        this IResourceBuilder<ProjectResource> builder,
        MediaStackSettings settings,
        IResourceBuilder<ParameterResource>? apiToken = null,
        IResourceBuilder<ParameterResource>? ownerId = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);

        var resources = builder.ApplicationBuilder.Resources;

        builder.ApplicationBuilder.Eventing.Subscribe<BeforeStartEvent>(async (e, cancellationToken) =>
        {
            var problems = TunnelRouteResolver.Validate(resources);
            if (problems.Count > 0)
            {
                throw new TunnelSettingsException(string.Join(Environment.NewLine, problems));
            }

            // Resolving every origin once here turns a bad URL parameter into a clear stop at start
            // instead of a configurator that fails to launch; warnings are logged at hand-over.
            var executionContext = e.Services.GetRequiredService<DistributedApplicationExecutionContext>();
            foreach (var (resource, route) in TunnelRouteResolver.Routes(resources))
            {
                await TunnelRouteResolver.ResolveServiceAsync(resource, route, executionContext, NullLogger.Instance, cancellationToken)
                    .ConfigureAwait(false);
            }

            Directory.CreateDirectory(settings.OutputDirectory);
        });

        return builder.WithEnvironment(async context =>
        {
            var env = context.EnvironmentVariables;
            env["Tunnel__Mode"] = settings.Mode.ToString();
            env["Tunnel__Domain"] = settings.Domain;
            env["Tunnel__OutputDirectory"] = settings.OutputDirectory;

            if (settings.Mode == TunnelMode.LocallyManaged)
            {
                env["Tunnel__TunnelId"] = settings.TunnelId!;
                env["Tunnel__CredentialsFile"] = MediaStackSettings.CredentialsFileContainerPath;
            }

            SetIfPresent(env, "Tunnel__Access__TeamName", settings.AccessTeamName);
            SetIfPresent(env, "Tunnel__Access__AudTag", settings.AccessAudTag);
            for (var emailIndex = 0; emailIndex < settings.AllowedEmails.Count; emailIndex++)
            {
                env[Key("Cloudflare__AllowedEmails", emailIndex)] = settings.AllowedEmails[emailIndex];
            }

            if (settings.Mode == TunnelMode.RemotelyManaged)
            {
                env["Cloudflare__AccountId"] = settings.AccountId!;
                env["Cloudflare__TunnelId"] = settings.TunnelId!;
                SetIfPresent(env, "Cloudflare__ZoneId", settings.ZoneId);
                if (apiToken is not null)
                {
                    env["Cloudflare__ApiToken"] = apiToken.Resource;
                }

                if (ownerId is not null)
                {
                    env["Cloudflare__OwnerId"] = ownerId.Resource;
                }

                env["Cloudflare__Apply"] = settings.CloudflareApply ? "true" : "false";
                env["Cloudflare__Prune"] = settings.CloudflarePrune ? "true" : "false";
                SetIfPresent(env, "Cloudflare__AccessPolicyName", settings.AccessPolicyName);
                SetIfPresent(env, "Cloudflare__BaseUrl", settings.CloudflareBaseUrl?.AbsoluteUri);
            }

            var logger = context.Logger ?? NullLogger.Instance;
            var index = 0;
            foreach (var (resource, route) in TunnelRouteResolver.Routes(resources))
            {
                var prefix = Key("Tunnel__Routes", index);
                env[$"{prefix}__ResourceName"] = resource.Name;
                env[$"{prefix}__Hostname"] = route.Hostname;
                SetIfPresent(env, $"{prefix}__Path", route.Path);
                env[$"{prefix}__Service"] = await TunnelRouteResolver.ResolveServiceAsync(
                    resource, route, context.ExecutionContext, logger, context.CancellationToken).ConfigureAwait(false);
                env[$"{prefix}__Access"] = route.Access.ToString();
                foreach (var (field, value) in route.OriginRequest)
                {
                    env[$"{prefix}__OriginRequest__{field}"] = value;
                }

                index++;
            }
        });
    }

    private static string Key(string prefix, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}__{index}");

    private static void SetIfPresent(Dictionary<string, object> env, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            env[key] = value;
        }
    }
}
