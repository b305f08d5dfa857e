using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Polly.Timeout;

namespace MediaStack.IngressConfigurator.Cloudflare;

/// <summary>
/// Calls Cloudflare's v4 API through one resilient <see cref="HttpClient"/>, unwrapping the
/// response envelope and following pagination.
/// </summary>
public sealed class CloudflareApiClient
{
    private const int MaxPages = 10_000;
    private readonly HttpClient _httpClient;

    /// <summary>Initializes a new instance of the <see cref="CloudflareApiClient"/> class.</summary>
    /// <param name="httpClient">The typed client configured by <c>AddCloudflareApi</c>.</param>
    public CloudflareApiClient(HttpClient httpClient)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        _httpClient = httpClient;
    }

    /// <summary>Gets the number of write calls (anything but GET) sent so far.</summary>
    public int WriteCalls { get; private set; }

    /// <summary>Sends a GET and returns the envelope's <c>result</c>.</summary>
    /// <param name="options">The settings holding the token and base address.</param>
    /// <param name="path">The path below the base address, with any query.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The <c>result</c> member, or null when it is absent.</returns>
    public async Task<JsonNode?> GetAsync(
        CloudflareOptions options,
        string path,
        CancellationToken cancellationToken)
    {
        var envelope = await SendAsync(options, HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);
        return envelope["result"];
    }

    /// <summary>Sends a write call (POST, PUT, PATCH or DELETE) and returns the envelope's <c>result</c>.</summary>
    /// <param name="options">The settings holding the token and base address.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The path below the base address.</param>
    /// <param name="body">The JSON body, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The <c>result</c> member, or null when it is absent.</returns>
    public async Task<JsonNode?> WriteAsync(
        CloudflareOptions options,
        HttpMethod method,
        string path,
        JsonNode? body,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        WriteCalls++;
        var envelope = await SendAsync(options, method, path, body, cancellationToken).ConfigureAwait(false);
        return envelope["result"];
    }

    /// <summary>Lists every item of a paginated collection, following <c>result_info.total_pages</c>.</summary>
    /// <param name="options">The settings holding the token, base address and page size.</param>
    /// <param name="path">The collection path, optionally with query filters.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>All items, in the order Cloudflare returned them.</returns>
    public async Task<IReadOnlyList<JsonObject>> ListAsync(
        CloudflareOptions options,
        string path,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(path);

        var items = new List<JsonObject>();
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        for (var page = 1; page <= MaxPages; page++)
        {
            var pagePath = string.Create(
                CultureInfo.InvariantCulture,
                $"{path}{separator}page={page}&per_page={options.PageSize}");
            var envelope = await SendAsync(options, HttpMethod.Get, pagePath, null, cancellationToken)
                .ConfigureAwait(false);
            if (envelope["result"] is not JsonArray result)
            {
                throw new CloudflareApiException(
                    $"Cloudflare answered GET {StripQuery(path)} without a list in 'result'.");
            }

            items.AddRange(result.OfType<JsonObject>().Select(item => (JsonObject)item.DeepClone()));
            var totalPages = envelope["result_info"]?["total_pages"]?.GetValue<int>() ?? 1;
            if (page >= totalPages || result.Count == 0)
            {
                break;
            }
        }

        return items;
    }

    private async Task<JsonObject> SendAsync(
        CloudflareOptions options,
        HttpMethod method,
        string path,
        JsonNode? body,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(path);

        var baseText = options.BaseUrl.AbsoluteUri;
        var baseUrl = new Uri(baseText.EndsWith('/') ? baseText : baseText + "/");
        using var request = new HttpRequestMessage(method, new Uri(baseUrl, path.TrimStart('/')));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        var display = $"{method.Method} /{StripQuery(path.TrimStart('/'))}";
        HttpResponseMessage response;
        try
        {
            response = await _httpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw new CloudflareApiException(
                $"Cloudflare could not be reached for {display}: {exception.Message} Check 'Cloudflare:BaseUrl' and the network.",
                null,
                [],
                exception);
        }
        catch (TimeoutRejectedException exception)
        {
            throw new CloudflareApiException(
                $"Cloudflare did not answer {display} in time, even after retries; run again later.",
                null,
                [],
                exception);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var envelope = ParseEnvelope(text);
            var success = envelope?["success"] is JsonValue flag && flag.TryGetValue<bool>(out var ok) && ok;
            if (response.IsSuccessStatusCode && envelope is not null && success)
            {
                return envelope;
            }

            var errors = ReadErrors(envelope);
            throw new CloudflareApiException(
                DescribeFailure(display, response.StatusCode, errors, envelope is null),
                response.StatusCode,
                errors);
        }
    }

    private static JsonObject? ParseEnvelope(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static List<CloudflareApiError> ReadErrors(JsonObject? envelope)
    {
        var errors = new List<CloudflareApiError>();
        if (envelope?["errors"] is not JsonArray array)
        {
            return errors;
        }

        foreach (var error in array.OfType<JsonObject>())
        {
            var code = error["code"] is JsonValue codeValue && codeValue.TryGetValue<int>(out var number) ? number : 0;
            var message = error["message"] is JsonValue messageValue && messageValue.TryGetValue<string>(out var said)
                ? said
                : "no message";
            errors.Add(new CloudflareApiError(code, message));
        }

        return errors;
    }

    private static string DescribeFailure(
        string display,
        HttpStatusCode status,
        List<CloudflareApiError> errors,
        bool noEnvelope)
    {
        var statusText = string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)status}");
        if (noEnvelope)
        {
            return $"Cloudflare answered {display} with {statusText} and no API envelope.";
        }

        if (errors.Count == 0)
        {
            return $"Cloudflare refused {display} ({statusText}) without saying why.";
        }

        var reasons = string.Join(
            "; ",
            errors.Select(error => string.Create(CultureInfo.InvariantCulture, $"[{error.Code}] {error.Message}")));
        var hint = status is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized
            ? " Check that the API token is valid and has the permission this call needs."
            : string.Empty;
        return $"Cloudflare refused {display} ({statusText}): {reasons}.{hint}";
    }

    private static string StripQuery(string path)
    {
        var index = path.IndexOf('?', StringComparison.Ordinal);
        return index < 0 ? path : path[..index];
    }
}
