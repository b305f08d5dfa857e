using System.Net.Http.Json;
using System.Text.Json;

namespace MediaStack.AppHost.Tests.Run;

/// <summary>
/// Reads what a resource sent to the dashboard through the dashboard's telemetry HTTP API, which
/// answers in OTLP JSON.
/// </summary>
internal sealed class DashboardTelemetry : IDisposable
{
    private static readonly TimeSpan _waitLimit = TimeSpan.FromMinutes(2);

    private readonly HttpClient _client;

    public DashboardTelemetry(RunningStack stack)
    {
        _client = new HttpClient { BaseAddress = stack.DashboardUrl, Timeout = TimeSpan.FromSeconds(10) };
        _client.DefaultRequestHeaders.Add("x-api-key", stack.DashboardApiKey);
    }

    public void Dispose() => _client.Dispose();

    /// <summary>
    /// Waits, at most a minute, until the resource's spans include <paramref name="spanName"/>; returns every span name seen.
    /// </summary>
    public Task<HashSet<string>> WaitForSpanNamesAsync(string resource, string spanName, CancellationToken cancellationToken) =>
        WaitForAsync($"/api/telemetry/spans?resource={resource}", "spans", "name", spanName, cancellationToken);

    /// <summary>
    /// Waits, at most a minute, until one of the resource's log records contains <paramref name="text"/>; returns every log body seen.
    /// </summary>
    public async Task<string> WaitForLogAsync(string resource, string text, CancellationToken cancellationToken)
    {
        var bodies = await WaitForAsync($"/api/telemetry/logs?resource={resource}", "logRecords", "body", text, cancellationToken);
        return string.Join(Environment.NewLine, bodies);
    }

    /// <summary>
    /// Reads everything the dashboard holds of the resource's logs and spans, as the raw OTLP JSON text.
    /// </summary>
    public async Task<string> ReadLogsAndSpansAsync(string resource, CancellationToken cancellationToken)
    {
        var logs = await _client.GetStringAsync($"/api/telemetry/logs?resource={resource}", cancellationToken);
        var spans = await _client.GetStringAsync($"/api/telemetry/spans?resource={resource}", cancellationToken);
        return logs + Environment.NewLine + spans;
    }

    private async Task<HashSet<string>> WaitForAsync(
        string path,
        string arrayName,
        string propertyName,
        string wanted,
        CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_waitLimit);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            while (true)
            {
                try
                {
                    using var response = await _client.GetAsync(path, timeout.Token);
                    if (response.IsSuccessStatusCode)
                    {
                        var document = await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);
                        Collect(document, arrayName, propertyName, seen);
                        if (seen.Any(value => value.Contains(wanted, StringComparison.Ordinal)))
                        {
                            return seen;
                        }
                    }
                }
                catch (HttpRequestException)
                {
                    // The dashboard is still starting.
                }

                await Task.Delay(TimeSpan.FromMilliseconds(500), timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Assert.Fail($"The dashboard never showed '{wanted}' at {path}. It had: {string.Join(" | ", seen)}");
            throw;
        }
    }

    // OTLP JSON nests records as resourceX[].scopeX[].<arrayName>[]; a log body is { "stringValue": ... }.
    private static void Collect(JsonElement element, string arrayName, string propertyName, HashSet<string> seen)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, arrayName, propertyName, seen);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (property.NameEquals(arrayName) && property.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (var record in property.Value.EnumerateArray())
                {
                    if (record.TryGetProperty(propertyName, out var value) && Text(value) is { } text)
                    {
                        seen.Add(text);
                    }
                }
            }
            else
            {
                Collect(property.Value, arrayName, propertyName, seen);
            }
        }
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Object when value.TryGetProperty("stringValue", out var inner) => inner.GetString(),
        _ => null,
    };
}
