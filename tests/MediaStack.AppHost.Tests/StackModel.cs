using Aspire.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MediaStack.AppHost.Tests;

/// <summary>
/// Builds the real AppHost without starting it and evaluates resources the way a run would.
/// </summary>
internal sealed class StackModel : IAsyncDisposable
{
    // Clears any tunnel credentials a developer keeps in user secrets so each test picks its mode.
    private static readonly string[] _localPreview =
    [
        "--Parameters:cloudflare-tunnel-token=",
        "--Parameters:cloudflare-api-token=",
        "--MediaStack:Tunnel:TunnelId=",
        "--MediaStack:Tunnel:CredentialsFile=",
    ];

    private readonly DistributedApplication _app;

    private StackModel(DistributedApplication app)
    {
        _app = app;
    }

    public DistributedApplicationModel Model => _app.Services.GetRequiredService<DistributedApplicationModel>();

    public static async Task<StackModel> BuildAsync(params string[] args)
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            [.. _localPreview, .. args],
            TestContext.Current.CancellationToken);
        var app = await builder.BuildAsync(TestContext.Current.CancellationToken);
        return new StackModel(app);
    }

    public static StackModel From(DistributedApplication app) => new(app);

    public T Resource<T>(string name)
        where T : IResource =>
        Assert.IsType<T>(Assert.Single(Model.Resources, resource => resource.Name == name), exactMatch: false);

    public async Task<Dictionary<string, string>> EnvironmentAsync(string name, ILogger? logger = null)
    {
        var result = await ExecutionConfigurationBuilder.Create(Resource<IResource>(name))
            .WithEnvironmentVariablesConfig()
            .BuildAsync(ExecutionContext, logger ?? NullLogger.Instance, TestContext.Current.CancellationToken);
        if (result.Exception is not null)
        {
            throw result.Exception;
        }

        return result.EnvironmentVariables.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
    }

    public async Task<string[]> ArgumentsAsync(string name)
    {
        var result = await ExecutionConfigurationBuilder.Create(Resource<IResource>(name))
            .WithArgumentsConfig()
            .BuildAsync(ExecutionContext, NullLogger.Instance, TestContext.Current.CancellationToken);
        if (result.Exception is not null)
        {
            throw result.Exception;
        }

        return [.. result.Arguments.Select(argument => argument.Value)];
    }

    public async Task<string[]> RuntimeArgumentsAsync(string name)
    {
        var args = new List<object>();
        var context = new ContainerRuntimeArgsCallbackContext(args, TestContext.Current.CancellationToken);
        foreach (var annotation in Resource<IResource>(name).Annotations.OfType<ContainerRuntimeArgsCallbackAnnotation>())
        {
            await annotation.Callback(context);
        }

        return [.. args.Select(arg => Assert.IsType<string>(arg))];
    }

    public Task<string?> ParameterValueAsync(string name) =>
        Resource<ParameterResource>(name).GetValueAsync(TestContext.Current.CancellationToken).AsTask();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private DistributedApplicationExecutionContext ExecutionContext =>
        _app.Services.GetRequiredService<DistributedApplicationExecutionContext>();
}
