using System.Net;
using MediaStack.IngressConfigurator.Cloudflare;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the Cloudflare API client and the tunnel publisher.
/// </summary>
public static class CloudflareServiceCollectionExtensions
{
    private const string PipelineName = "cloudflare";

    /// <summary>
    /// Adds <see cref="CloudflareOptions"/> bound from the <c>Cloudflare</c> section, the typed
    /// <see cref="CloudflareApiClient"/> with retries, backoff and timeouts, and
    /// <see cref="CloudflareTunnelPublisher"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration holding the <c>Cloudflare:*</c> keys.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddCloudflareApi(
        this IServiceCollection services,
        IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        var section = configuration.GetSection(CloudflareOptions.SectionName);
        services.AddOptions<CloudflareOptions>().Configure(options => Bind(section, options));

        // The service defaults give every client the standard handler; this client needs its own
        // rules (no 408 retry, no 5xx retry of POST), so it replaces it rather than stacking on it.
        // RemoveAllResilienceHandlers is the library's only way to do that and is marked for evaluation.
#pragma warning disable EXTEXP0001
        services.AddHttpClient<CloudflareApiClient>(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllResilienceHandlers()
#pragma warning restore EXTEXP0001
            .AddResilienceHandler(PipelineName, static (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<CloudflareOptions>>().Value;
                pipeline.AddTimeout(options.TotalTimeout);
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = options.MaxRetries,
                    Delay = options.RetryBaseDelay,
                    MaxDelay = options.MaxRetryDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    ShouldRetryAfterHeader = true,
                    ShouldHandle = static arguments => ValueTask.FromResult(ShouldRetry(arguments)),
                });
                pipeline.AddTimeout(options.AttemptTimeout);
            });

        services.AddTransient<CloudflareTunnelPublisher>();
        return services;
    }

    private static bool ShouldRetry(RetryPredicateArguments<HttpResponseMessage> arguments)
    {
        // A POST that failed on the server may still have created the item, so only a 429
        // (rejected before any work) is retried for it; the next run converges instead.
        var method = arguments.Context.GetRequestMessage()?.Method ?? HttpMethod.Get;
        var mayRepeat = method != HttpMethod.Post;
        if (arguments.Outcome.Result is { } response)
        {
            var status = (int)response.StatusCode;
            return response.StatusCode == HttpStatusCode.TooManyRequests || (status >= 500 && mayRepeat);
        }

        return mayRepeat && arguments.Outcome.Exception is HttpRequestException or TimeoutRejectedException;
    }

    private static void Bind(IConfigurationSection section, CloudflareOptions options)
    {
        section.Bind(options);

        // AllowedEmails is read-only for the binder's sake and may come as one environment
        // variable with a comma-separated list, or as an indexed list.
        options.AllowedEmails.Clear();
        var emails = section.GetSection(nameof(CloudflareOptions.AllowedEmails));
        var values = emails.Value is { } joined
            ? joined.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : emails.GetChildren().Select(child => child.Value ?? string.Empty);
        foreach (var email in values.Where(value => !string.IsNullOrWhiteSpace(value)))
        {
            options.AllowedEmails.Add(email.Trim());
        }
    }
}
