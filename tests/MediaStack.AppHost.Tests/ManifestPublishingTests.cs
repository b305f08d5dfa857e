using System.Diagnostics;
using System.Text.Json;

namespace MediaStack.AppHost.Tests;

public class ManifestPublishingTests
{
    private const string DatabasePassword = "SentinelDatabasePassword0451";
    private const string RedisPassword = "SentinelRedisPassword0451";
    private const string TunnelToken = "sentinel-tunnel-token-0451";
    private const string ApiToken = "sentinel-api-token-0451";

    [Fact]
    public async Task PublishedManifestDescribesEveryResourceAndHoldsNoSecretValue()
    {
        var output = Directory.CreateTempSubdirectory("mediastack-manifest-").FullName;
        var manifestPath = Path.Combine(output, "aspire-manifest.json");

        var (exitCode, log) = await PublishAsync(manifestPath);

        Assert.True(exitCode == 0, $"The AppHost exited with {exitCode}:{Environment.NewLine}{log}");
        var text = await File.ReadAllTextAsync(manifestPath, TestContext.Current.CancellationToken);
        foreach (var secret in new[] { DatabasePassword, RedisPassword, TunnelToken, ApiToken })
        {
            Assert.False(text.Contains(secret, StringComparison.Ordinal), "The manifest contains a secret value.");
            Assert.False(log.Contains(secret, StringComparison.Ordinal), "The AppHost's output contains a secret value.");
        }

        using var manifest = JsonDocument.Parse(text);
        var resources = manifest.RootElement.GetProperty("resources");
        string[] expected =
        [
            "immich-postgres", "immich", "immich-redis", "immich-machine-learning", "immich-server",
            "jellyfin-url", "ingress-configurator", "cloudflared",
            "immich-db-password", "immich-redis-password", "cloudflare-tunnel-token", "cloudflare-api-token",
        ];
        foreach (var name in expected)
        {
            Assert.True(resources.TryGetProperty(name, out _), $"The manifest does not describe '{name}'.");
        }

        foreach (var secretParameter in new[] { "immich-db-password", "immich-redis-password", "cloudflare-tunnel-token", "cloudflare-api-token" })
        {
            Assert.True(resources.GetProperty(secretParameter).GetProperty("inputs").GetProperty("value").GetProperty("secret").GetBoolean());
        }

        var postgres = resources.GetProperty("immich-postgres");
        Assert.Equal(
            "ghcr.io/immich-app/postgres:14-vectorchord0.4.3-pgvectors0.2.0@sha256:bcf63357191b76a916ae5eb93464d65c07511da41e3bf7a8416db519b40b1c23",
            postgres.GetProperty("image").GetString());
        Assert.Equal("immich-postgres-data", postgres.GetProperty("volumes")[0].GetProperty("name").GetString());

        var configuratorEnv = resources.GetProperty("ingress-configurator").GetProperty("env");
        Assert.Equal("http://immich-server:2283", configuratorEnv.GetProperty("Tunnel__Routes__0__Service").GetString());
        Assert.Equal("{cloudflare-api-token.value}", configuratorEnv.GetProperty("Cloudflare__ApiToken").GetString());
        Assert.Equal("{cloudflare-tunnel-token.value}", resources.GetProperty("cloudflared").GetProperty("env").GetProperty("TUNNEL_TOKEN").GetString());
    }

    private static async Task<(int ExitCode, string Log)> PublishAsync(string manifestPath)
    {
        var appHost = Path.Combine(AppContext.BaseDirectory, "MediaStack.AppHost.dll");
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "exec", appHost, "--publisher", "manifest", "--output-path", manifestPath })
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Remotely-managed mode, so that every secret parameter of the stack is in the model.
        startInfo.Environment["Parameters__immich-db-password"] = DatabasePassword;
        startInfo.Environment["Parameters__immich-redis-password"] = RedisPassword;
        startInfo.Environment["Parameters__cloudflare-tunnel-token"] = TunnelToken;
        startInfo.Environment["Parameters__cloudflare-api-token"] = ApiToken;
        startInfo.Environment["MediaStack__Cloudflare__AccountId"] = "test-account";
        startInfo.Environment["MediaStack__Tunnel__TunnelId"] = "6ff42ae2-765d-4adf-8112-31c55c1551ef";

        using var process = Process.Start(startInfo)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
