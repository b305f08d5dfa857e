using Aspire.Hosting;
using Aspire.Hosting.Eventing;
using Microsoft.Extensions.DependencyInjection;

namespace MediaStack.AppHost.Tests;

public class ContainerRuntimeProbeTests
{
    [Fact]
    public async Task VolumesAreLeftOutOfARunWhenTheContainerEngineDoesNotAnswer()
    {
        var (mounts, explicitStart) = await MountsAfterStartCheckAsync("mediastack-no-such-container-engine");

        Assert.DoesNotContain(mounts, mount => mount.Type == ContainerMountType.Volume);
        Assert.Contains(mounts, mount => mount.Type == ContainerMountType.BindMount);
        Assert.True(explicitStart, "A container that lost its data volume must not start on its own.");
    }

    [Fact]
    public async Task VolumesStayWhenTheContainerEngineAnswers()
    {
        // 'true' stands for an engine whose 'info' command succeeds.
        var (mounts, explicitStart) = await MountsAfterStartCheckAsync("true");

        Assert.Contains(mounts, mount => mount.Type == ContainerMountType.Volume && mount.Source == "photos-data");
        Assert.False(explicitStart);
    }

    private static async Task<(ContainerMountAnnotation[] Mounts, bool ExplicitStart)> MountsAfterStartCheckAsync(string engine)
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            Args = [$"--DcpPublisher:ContainerRuntime={engine}"],
            DisableDashboard = true,
            AssemblyName = typeof(MediaStackSettings).Assembly.GetName().Name,
        });
        builder.SkipVolumesWithoutContainerRuntime();
        var photos = builder.AddContainer("photos", "photos")
            .WithVolume("photos-data", "/data")
            .WithBindMount(Path.GetTempPath(), "/import");
        await using var app = builder.Build();

        await app.Services.GetRequiredService<IDistributedApplicationEventing>().PublishAsync(
            new BeforeStartEvent(app.Services, app.Services.GetRequiredService<DistributedApplicationModel>()),
            TestContext.Current.CancellationToken);

        return (
            [.. photos.Resource.Annotations.OfType<ContainerMountAnnotation>()],
            photos.Resource.Annotations.OfType<ExplicitStartupAnnotation>().Any());
    }
}
