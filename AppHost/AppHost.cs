using Aspire.Hosting.ApplicationModel;
using MediaStack.AppHost;
using MediaStack.AppHost.Cloudflared;
using MediaStack.AppHost.Immich;
using MediaStack.AppHost.Tunnel;

var builder = DistributedApplication.CreateBuilder(args);
builder.SkipVolumesWithoutContainerRuntime();

MediaStackSettings settings;
try
{
    settings = MediaStackSettings.FromConfiguration(builder.Configuration, builder.AppHostDirectory);
}
catch (TunnelSettingsException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 1;
}

// Generated once and kept in user secrets: Immich's database outlives any single run.
var databasePassword = builder.AddParameter(
    MediaStackSettings.DatabasePasswordParameter,
    new GenerateParameterDefault { MinLength = 32, Special = false },
    secret: true,
    persist: true);
var redisPassword = builder.AddParameter(
    MediaStackSettings.RedisPasswordParameter,
    new GenerateParameterDefault { MinLength = 32, Special = false },
    secret: true,
    persist: true);

var postgres = builder.AddImmichPostgres("immich-postgres", databasePassword);
var database = postgres.AddDatabase("immich");

var redis = builder.AddImmichValkey("immich-redis", redisPassword);

var machineLearning = builder.AddImmichMachineLearning("immich-machine-learning", settings.ImmichVersion);

builder.AddImmichServer("immich-server", settings, database, redis, machineLearning)
    .WithTunnelRoute(settings.ImmichHostname);

var jellyfinUrl = builder.AddParameter(
    MediaStackSettings.JellyfinUrlParameter,
    builder.Configuration[$"Parameters:{MediaStackSettings.JellyfinUrlParameter}"] ?? MediaStackSettings.DefaultJellyfinUrl,
    publishValueAsDefault: true);
builder.AddExternalService("jellyfin", jellyfinUrl)
    .WithHttpHealthCheck("/health")
    .WithTunnelRoute(settings.JellyfinHostname);

var remotelyManaged = settings.Mode == TunnelMode.RemotelyManaged;
var apiToken = remotelyManaged ? builder.AddParameter(MediaStackSettings.ApiTokenParameter, secret: true) : null;
var tunnelToken = remotelyManaged ? builder.AddParameter(MediaStackSettings.TunnelTokenParameter, secret: true) : null;

// Generated once and kept in user secrets, like the passwords: Cloudflare items carry this mark,
// and only items with it are ever changed or deleted, so it must outlive any single run.
var ownerId = remotelyManaged
    ? builder.AddParameter(
        MediaStackSettings.OwnerIdParameter,
        new GenerateParameterDefault { MinLength = 12, Upper = false, Special = false },
        persist: true)
    : null;

var ingressConfigurator = builder.AddProject<Projects.IngressConfigurator>("ingress-configurator")
    .WithTunnelHandover(settings, apiToken, ownerId);

builder.AddCloudflared("cloudflared", settings, tunnelToken)
    .WaitForCompletion(ingressConfigurator);

try
{
    await builder.Build().RunAsync();
    return 0;
}
catch (TunnelSettingsException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 1;
}
