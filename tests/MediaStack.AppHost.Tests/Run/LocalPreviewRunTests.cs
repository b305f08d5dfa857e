using System.Net.Http.Json;
using System.Text.Json;

namespace MediaStack.AppHost.Tests.Run;

[Trait("Layer", "Run")]
public sealed class LocalPreviewRunTests : IDisposable
{
    private readonly DirectoryInfo _output = Directory.CreateTempSubdirectory("mediastack-run-");

    public void Dispose() => _output.Delete(recursive: true);

    [Fact]
    public async Task ConfiguratorWritesTheStacksRulesAndItsSpansReachTheDashboard()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var stack = await RunningStack.StartAsync(
            _output,
            ["--MediaStack:Access:TeamName=household", "--MediaStack:Access:AudTag=aud-run-test"],
            cancellationToken);

        var exitCode = await stack.WaitForConfiguratorAsync(cancellationToken);

        Assert.Equal(0, exitCode);
        var config = await File.ReadAllTextAsync(stack.ConfigPath, cancellationToken);
        var expected = """
            ingress:
              - hostname: immich.example.com
                service: http://immich-server:2283
                originRequest:
                  access:
                    required: true
                    teamName: household
                    audTag:
                      - aud-run-test
              - hostname: jellyfin.example.com
                service: http://host.docker.internal:8096
                originRequest:
                  access:
                    required: true
                    teamName: household
                    audTag:
                      - aud-run-test
              - service: http_status:404

            """;
        Assert.Equal(expected, config);

        var spanNames = await WaitForSpanNamesAsync(stack, cancellationToken);
        Assert.Contains("ingress-configurator run", spanNames);
        Assert.Contains("read routes", spanNames);
        Assert.Contains("compile", spanNames);
        Assert.Contains("validate", spanNames);
        Assert.Contains("write", spanNames);
    }

    private static async Task<HashSet<string>> WaitForSpanNamesAsync(RunningStack stack, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = stack.DashboardUrl, Timeout = TimeSpan.FromSeconds(10) };
        client.DefaultRequestHeaders.Add("x-api-key", stack.DashboardApiKey);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(1));
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            try
            {
                using var response = await client.GetAsync("/api/telemetry/spans?resource=ingress-configurator", timeout.Token);
                if (response.IsSuccessStatusCode)
                {
                    var document = await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);
                    CollectSpanNames(document, names);
                    if (names.Contains("write"))
                    {
                        return names;
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

    // The API answers in OTLP JSON; span names sit under resourceSpans[].scopeSpans[].spans[].name.
    private static void CollectSpanNames(JsonElement element, HashSet<string> names)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.NameEquals("spans") && property.Value.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var span in property.Value.EnumerateArray())
                        {
                            if (span.TryGetProperty("name", out var name) && name.GetString() is { } text)
                            {
                                names.Add(text);
                            }
                        }
                    }
                    else
                    {
                        CollectSpanNames(property.Value, names);
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    CollectSpanNames(item, names);
                }

                break;
        }
    }
}
