using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using MediaStack.AppHost.Tunnel;

namespace MediaStack.AppHost.Immich;

/// <summary>
/// Adds Immich's containers the way Immich's own docker-compose.yml runs them, with the addresses
/// and passwords set explicitly instead of relying on compose service names.
/// </summary>
internal static class ImmichBuilderExtensions
{
    /// <summary>The port Immich's server listens on.</summary>
    public const int ServerPort = 2283;

    /// <summary>The port Immich's machine-learning service listens on.</summary>
    public const int MachineLearningPort = 3003;

    /// <summary>
    /// Adds Immich's Postgres with VectorChord, its initdb arguments, shared memory and a data volume.
    /// </summary>
    /// <param name="builder">The application builder.</param>
    /// <param name="name">The resource name.</param>
    /// <param name="password">The database password parameter; it must stay the same across runs.</param>
    /// <returns>The Postgres server.</returns>
    public static IResourceBuilder<PostgresServerResource> AddImmichPostgres(
        this IDistributedApplicationBuilder builder,
        string name,
        IResourceBuilder<ParameterResource> password)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(password);

        return builder.AddPostgres(name, password: password)
            .WithImage(ImmichPostgresContainerImageTags.Image, ImmichPostgresContainerImageTags.PinnedTag)
            .WithImageRegistry(ImmichPostgresContainerImageTags.Registry)
            // Immich asks for data checksums; Aspire's scram-sha-256 arguments are kept beside them.
            .WithEnvironment("POSTGRES_INITDB_ARGS", "--auth-host=scram-sha-256 --auth-local=scram-sha-256 --data-checksums")
            .WithContainerRuntimeArgs("--shm-size=128m")
            .WithDataVolume($"{name}-data");
    }

    /// <summary>
    /// Adds Valkey as Immich's Redis, with a data volume and periodic snapshots.
    /// </summary>
    /// <param name="builder">The application builder.</param>
    /// <param name="name">The resource name.</param>
    /// <param name="password">The Valkey password parameter.</param>
    /// <returns>The Redis resource running Valkey.</returns>
    public static IResourceBuilder<RedisResource> AddImmichValkey(
        this IDistributedApplicationBuilder builder,
        string name,
        IResourceBuilder<ParameterResource> password)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(password);

        // Aspire's Redis integration launches 'redis-server'; the Valkey image answers to that name
        // for compatibility (Immich's own health check relies on its 'redis-cli' in the same way).
        return builder.AddRedis(name, password: password)
            .WithImage(ImmichValkeyContainerImageTags.Image, ImmichValkeyContainerImageTags.PinnedTag)
            .WithImageRegistry(ImmichValkeyContainerImageTags.Registry)
            .WithDataVolume($"{name}-data")
            .WithPersistence();
    }

    /// <summary>
    /// Adds Immich's machine-learning service with its model cache volume and ping health check.
    /// </summary>
    /// <param name="builder">The application builder.</param>
    /// <param name="name">The resource name.</param>
    /// <param name="version">The Immich release tag.</param>
    /// <returns>The machine-learning container.</returns>
    public static IResourceBuilder<ContainerResource> AddImmichMachineLearning(
        this IDistributedApplicationBuilder builder,
        string name,
        string version)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);

        return builder.AddContainer(name, ImmichContainerImageTags.MachineLearningImage, version)
            .WithImageRegistry(ImmichContainerImageTags.Registry)
            .WithHttpEndpoint(targetPort: MachineLearningPort, name: "http")
            .WithVolume("immich-model-cache", "/cache")
            .WithHttpHealthCheck("/ping", endpointName: "http");
    }

    /// <summary>
    /// Adds Immich's server with the library bind mount, its database, Redis and machine-learning
    /// addresses, and a health check on <c>/api/server/ping</c>.
    /// </summary>
    /// <param name="builder">The application builder.</param>
    /// <param name="name">The resource name.</param>
    /// <param name="settings">The owner's settings (version, library path, time zone).</param>
    /// <param name="database">The Immich database.</param>
    /// <param name="redis">The Valkey resource.</param>
    /// <param name="machineLearning">The machine-learning container.</param>
    /// <returns>The server container.</returns>
    public static IResourceBuilder<ContainerResource> AddImmichServer(
        this IDistributedApplicationBuilder builder,
        string name,
        MediaStackSettings settings,
        IResourceBuilder<PostgresDatabaseResource> database,
        IResourceBuilder<RedisResource> redis,
        IResourceBuilder<ContainerResource> machineLearning)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(machineLearning);

        var postgres = database.Resource.Parent;
        var server = builder.AddContainer(name, ImmichContainerImageTags.ServerImage, settings.ImmichVersion)
            .WithImageRegistry(ImmichContainerImageTags.Registry)
            .WithHttpEndpoint(targetPort: ServerPort, name: "http")
            .WithBindMount(settings.ImmichLibraryPath, "/data")
            .WithEnvironment("DB_HOSTNAME", ContainerNetworkAddress.HostName(postgres))
            .WithEnvironment("DB_PORT", Port(postgres, "tcp"))
            .WithEnvironment("DB_USERNAME", postgres.UserNameReference)
            .WithEnvironment("DB_PASSWORD", postgres.PasswordParameter)
            .WithEnvironment("DB_DATABASE_NAME", database.Resource.DatabaseName)
            .WithEnvironment("REDIS_HOSTNAME", ContainerNetworkAddress.HostName(redis.Resource))
            .WithEnvironment("REDIS_PORT", Port(redis.Resource, "tcp"))
            .WithEnvironment("REDIS_PASSWORD", redis.Resource.PasswordParameter!)
            .WithEnvironment(
                "IMMICH_MACHINE_LEARNING_URL",
                $"http://{ContainerNetworkAddress.HostName(machineLearning.Resource)}:{Port(machineLearning.Resource, "http")}")
            .WithHttpHealthCheck("/api/server/ping", endpointName: "http")
            // First-run migrations can take minutes; the image's own Docker health check would
            // report the server unhealthy meanwhile.
            .WithContainerRuntimeArgs("--health-start-period=10m")
            .WaitFor(database)
            .WaitFor(redis);

        // Created here rather than by the container engine, which would make it owned by root. Only the
        // default folder can be missing here: MediaStackSettings stops on an owner's path that does not exist.
        builder.Eventing.Subscribe<BeforeStartEvent>((_, _) =>
        {
            Directory.CreateDirectory(settings.ImmichLibraryPath);
            return Task.CompletedTask;
        });

        // Immich's compose mounts /etc/localtime, which a Windows host does not have; TZ says the same.
        if (settings.TimeZone is { } timeZone)
        {
            server.WithEnvironment("TZ", timeZone);
        }

        return server;
    }

    private static string Port(IResourceWithEndpoints resource, string endpointName) =>
        ContainerNetworkAddress.TargetPort(resource, endpointName).ToString(CultureInfo.InvariantCulture);
}
