namespace MediaStack.AppHost.Tests;

public class AppHostModelTests
{
    [Fact]
    public async Task IngressConfiguratorIsAProjectResource()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(TestContext.Current.CancellationToken);

        var resource = Assert.Single(builder.Resources.OfType<ProjectResource>(), r => r.Name == "ingress-configurator");
        Assert.NotNull(resource);
    }
}
