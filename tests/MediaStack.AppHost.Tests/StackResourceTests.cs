using Aspire.Hosting;

namespace MediaStack.AppHost.Tests;

public class StackResourceTests
{
    [Fact]
    public async Task EveryResourceOfTheDesignIsModelledWithItsKind()
    {
        await using var stack = await StackModel.BuildAsync();

        Assert.IsType<PostgresServerResource>(stack.Resource<IResource>("immich-postgres"));
        Assert.Equal("immich", stack.Resource<PostgresDatabaseResource>("immich").DatabaseName);
        Assert.IsType<RedisResource>(stack.Resource<IResource>("immich-redis"));
        Assert.IsType<ContainerResource>(stack.Resource<IResource>("immich-machine-learning"));
        Assert.IsType<ContainerResource>(stack.Resource<IResource>("immich-server"));
        Assert.IsType<ExternalServiceResource>(stack.Resource<IResource>("jellyfin"));
        Assert.IsType<ProjectResource>(stack.Resource<IResource>("ingress-configurator"));
        Assert.IsType<ContainerResource>(stack.Resource<IResource>("cloudflared"));
    }

    [Theory]
    [InlineData("immich-postgres", "ghcr.io", "immich-app/postgres", "14-vectorchord0.4.3-pgvectors0.2.0@sha256:bcf63357191b76a916ae5eb93464d65c07511da41e3bf7a8416db519b40b1c23")]
    [InlineData("immich-redis", "docker.io", "valkey/valkey", "9@sha256:8e8d64b405ce18f41b8e5ee20aa4687a8ed0022d1298f2ce31cdcf3a76e09411")]
    [InlineData("immich-machine-learning", "ghcr.io", "immich-app/immich-machine-learning", "v3.1.0")]
    [InlineData("immich-server", "ghcr.io", "immich-app/immich-server", "v3.1.0")]
    [InlineData("cloudflared", "docker.io", "cloudflare/cloudflared", "2026.9.1")]
    public async Task ContainersUseThePinnedImages(string name, string registry, string image, string tag)
    {
        await using var stack = await StackModel.BuildAsync();

        var annotation = Assert.Single(stack.Resource<IResource>(name).Annotations.OfType<ContainerImageAnnotation>());

        Assert.Equal(registry, annotation.Registry);
        Assert.Equal(image, annotation.Image);
        Assert.Equal(tag, annotation.Tag);
    }

    [Fact]
    public async Task ImmichVersionSettingMovesServerAndMachineLearningTogether()
    {
        await using var stack = await StackModel.BuildAsync("--MediaStack:Immich:Version=v3.2.4");

        Assert.Equal("v3.2.4", stack.Resource<IResource>("immich-server").Annotations.OfType<ContainerImageAnnotation>().Single().Tag);
        Assert.Equal("v3.2.4", stack.Resource<IResource>("immich-machine-learning").Annotations.OfType<ContainerImageAnnotation>().Single().Tag);
    }

    [Fact]
    public async Task ImmichServerGetsItsAddressesAndSecretsExplicitly()
    {
        await using var stack = await StackModel.BuildAsync();

        var env = await stack.EnvironmentAsync("immich-server");

        Assert.Equal("immich-postgres", env["DB_HOSTNAME"]);
        Assert.Equal("5432", env["DB_PORT"]);
        Assert.Equal("postgres", env["DB_USERNAME"]);
        Assert.Equal("immich", env["DB_DATABASE_NAME"]);
        Assert.Equal("immich-redis", env["REDIS_HOSTNAME"]);
        Assert.Equal("6379", env["REDIS_PORT"]);
        Assert.Equal("http://immich-machine-learning:3003", env["IMMICH_MACHINE_LEARNING_URL"]);
        Assert.True(
            env["DB_PASSWORD"] == await stack.ParameterValueAsync("immich-db-password"),
            "DB_PASSWORD must come from the immich-db-password parameter.");
        Assert.True(
            env["REDIS_PASSWORD"] == await stack.ParameterValueAsync("immich-redis-password"),
            "REDIS_PASSWORD must come from the immich-redis-password parameter.");
    }

    [Fact]
    public async Task ImmichPostgresUsesImmichsInitdbArgumentsSharedMemoryAndTheSamePassword()
    {
        await using var stack = await StackModel.BuildAsync();

        var env = await stack.EnvironmentAsync("immich-postgres");
        var runtimeArgs = await stack.RuntimeArgumentsAsync("immich-postgres");

        Assert.Contains("--data-checksums", env["POSTGRES_INITDB_ARGS"].Split(' '));
        Assert.True(
            env["POSTGRES_PASSWORD"] == await stack.ParameterValueAsync("immich-db-password"),
            "POSTGRES_PASSWORD must come from the immich-db-password parameter.");
        Assert.Contains("--shm-size=128m", runtimeArgs);
    }

    [Theory]
    [InlineData("immich-postgres", "immich-postgres-data", "/var/lib/postgresql/data")]
    [InlineData("immich-redis", "immich-redis-data", "/data")]
    [InlineData("immich-machine-learning", "immich-model-cache", "/cache")]
    public async Task DataLivesInNamedVolumes(string name, string volume, string target)
    {
        await using var stack = await StackModel.BuildAsync();

        var mount = Assert.Single(stack.Resource<IResource>(name).Annotations.OfType<ContainerMountAnnotation>());

        Assert.Equal(ContainerMountType.Volume, mount.Type);
        Assert.Equal(volume, mount.Source);
        Assert.Equal(target, mount.Target);
        Assert.False(mount.IsReadOnly);
    }

    [Fact]
    public async Task LibraryPathSettingIsBindMountedAtData()
    {
        var library = Directory.CreateTempSubdirectory("mediastack-library-").FullName;
        await using var stack = await StackModel.BuildAsync($"--MediaStack:Immich:LibraryPath={library}");

        var mount = Assert.Single(stack.Resource<IResource>("immich-server").Annotations.OfType<ContainerMountAnnotation>());

        Assert.Equal(ContainerMountType.BindMount, mount.Type);
        Assert.Equal(library, mount.Source);
        Assert.Equal("/data", mount.Target);
    }

    [Fact]
    public async Task LibraryAndOutputFoldersDefaultToTheAppHostsMediastackFolder()
    {
        await using var stack = await StackModel.BuildAsync();

        var library = Assert.Single(stack.Resource<IResource>("immich-server").Annotations.OfType<ContainerMountAnnotation>());
        var output = Assert.Single(stack.Resource<IResource>("cloudflared").Annotations.OfType<ContainerMountAnnotation>());

        Assert.EndsWith(Path.Combine("AppHost", ".mediastack", "immich-library"), library.Source, StringComparison.Ordinal);
        Assert.EndsWith(Path.Combine("AppHost", ".mediastack", "cloudflared"), output.Source, StringComparison.Ordinal);
        Assert.Equal("/etc/cloudflared", output.Target);
        Assert.True(output.IsReadOnly);
    }

    [Theory]
    [InlineData("immich-postgres", "immich-postgres_check")]
    [InlineData("immich-redis", "immich-redis_check")]
    [InlineData("immich-machine-learning", "immich-machine-learning_http_/ping_200_check")]
    [InlineData("immich-server", "immich-server_http_/api/server/ping_200_check")]
    [InlineData("jellyfin", "jellyfin_external_/health_200_check")]
    [InlineData("cloudflared", "cloudflared_metrics_/ready_200_check")]
    public async Task EveryServiceHasItsHealthCheck(string name, string key)
    {
        await using var stack = await StackModel.BuildAsync();

        var annotation = Assert.Single(stack.Resource<IResource>(name).Annotations.OfType<HealthCheckAnnotation>());

        Assert.Equal(key, annotation.Key);
    }

    [Fact]
    public async Task ImmichServerWaitsForItsDatabaseAndRedis()
    {
        await using var stack = await StackModel.BuildAsync();

        var waits = stack.Resource<IResource>("immich-server").Annotations.OfType<WaitAnnotation>()
            .Select(wait => (wait.Resource.Name, wait.WaitType))
            .Order()
            .ToArray();

        Assert.Equal(
            [("immich", WaitType.WaitUntilHealthy), ("immich-postgres", WaitType.WaitUntilHealthy), ("immich-redis", WaitType.WaitUntilHealthy)],
            waits);
    }

    [Fact]
    public async Task ImmichServerAllowsLongFirstRunMigrations()
    {
        await using var stack = await StackModel.BuildAsync();

        Assert.Contains("--health-start-period=10m", await stack.RuntimeArgumentsAsync("immich-server"));
    }

    [Fact]
    public async Task CloudflaredWaitsForTheConfiguratorToComplete()
    {
        await using var stack = await StackModel.BuildAsync();

        var wait = Assert.Single(stack.Resource<IResource>("cloudflared").Annotations.OfType<WaitAnnotation>());

        Assert.Equal("ingress-configurator", wait.Resource.Name);
        Assert.Equal(WaitType.WaitForCompletion, wait.WaitType);
    }

    [Fact]
    public async Task CloudflaredReachesTheHostRunsAsNonRootAndServesMetricsOnAFixedPort()
    {
        await using var stack = await StackModel.BuildAsync();

        var cloudflared = stack.Resource<ContainerResource>("cloudflared");
        var runtimeArgs = await stack.RuntimeArgumentsAsync("cloudflared");
        var args = await stack.ArgumentsAsync("cloudflared");
        var metrics = Assert.Single(cloudflared.Annotations.OfType<EndpointAnnotation>());

        Assert.Contains("--add-host=host.docker.internal:host-gateway", runtimeArgs);
        Assert.Contains("--user=65532:65532", runtimeArgs);
        Assert.Equal("metrics", metrics.Name);
        Assert.Equal(20241, metrics.TargetPort);
        Assert.Equal(["tunnel", "--no-autoupdate", "--metrics", "0.0.0.0:20241"], args[..4]);
    }

    [Fact]
    public async Task PasswordsAreSecretParameters()
    {
        await using var stack = await StackModel.BuildAsync();

        Assert.True(stack.Resource<ParameterResource>("immich-db-password").Secret);
        Assert.True(stack.Resource<ParameterResource>("immich-redis-password").Secret);
        Assert.False(stack.Resource<ParameterResource>("jellyfin-url").Secret);
    }

    [Fact]
    public async Task DatabasePasswordStaysTheSameAcrossRuns()
    {
        string? first;
        await using (var firstRun = await StackModel.BuildAsync())
        {
            first = await firstRun.ParameterValueAsync("immich-db-password");
        }

        await using var secondRun = await StackModel.BuildAsync();
        var second = await secondRun.ParameterValueAsync("immich-db-password");

        Assert.False(string.IsNullOrEmpty(first));
        Assert.True(first == second, "The second run must read the password the first run kept in user secrets.");
        Assert.True(first!.All(char.IsAsciiLetterOrDigit), "Immich accepts only A-Za-z0-9 in DB_PASSWORD.");
    }

    [Fact]
    public async Task JellyfinUrlIsAParameterWithTheWindowsServiceDefault()
    {
        await using var stack = await StackModel.BuildAsync();

        var jellyfin = stack.Resource<ExternalServiceResource>("jellyfin");

        Assert.Equal("jellyfin-url", jellyfin.UrlParameter?.Name);
        Assert.False(jellyfin.UrlParameter!.Secret);
        Assert.Equal("http://localhost:8096", await stack.ParameterValueAsync("jellyfin-url"));
    }

    [Fact]
    public async Task JellyfinUrlFollowsTheOwnersSetting()
    {
        await using var stack = await StackModel.BuildAsync("--Parameters:jellyfin-url=http://192.168.1.20:8096");

        Assert.Equal("http://192.168.1.20:8096", await stack.ParameterValueAsync("jellyfin-url"));
    }
}
