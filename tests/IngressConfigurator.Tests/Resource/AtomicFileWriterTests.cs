using System.Text;
using MediaStack.IngressConfigurator.Resource;

namespace MediaStack.IngressConfigurator.Tests.Resource;

public sealed class AtomicFileWriterTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("mediastack-writer-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task CreatesTheFolderAndTheFile()
    {
        var path = Path.Combine(_folder.FullName, "cloudflared", "config.yml");

        var written = await AtomicFileWriter.WriteIfChangedAsync(path, "ingress: []\n"u8.ToArray(), TestContext.Current.CancellationToken);

        Assert.True(written);
        Assert.Equal("ingress: []\n", await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task IdenticalContentIsNotRewritten()
    {
        var path = Path.Combine(_folder.FullName, "config.yml");
        await File.WriteAllTextAsync(path, "same\n", TestContext.Current.CancellationToken);
        var stamp = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, stamp);

        var written = await AtomicFileWriter.WriteIfChangedAsync(path, Encoding.UTF8.GetBytes("same\n"), TestContext.Current.CancellationToken);

        Assert.False(written);
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(path));
    }

    [Fact]
    public async Task ChangedContentReplacesTheFileAndLeavesNoTemporaryFile()
    {
        var path = Path.Combine(_folder.FullName, "config.yml");
        await File.WriteAllTextAsync(path, "old\n", TestContext.Current.CancellationToken);

        var written = await AtomicFileWriter.WriteIfChangedAsync(path, Encoding.UTF8.GetBytes("new\n"), TestContext.Current.CancellationToken);

        Assert.True(written);
        Assert.Equal("new\n", await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
        Assert.Equal(["config.yml"], Directory.GetFiles(_folder.FullName).Select(Path.GetFileName));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task WrittenFileIsReadableByOtherUsers()
    {
        var path = Path.Combine(_folder.FullName, "config.yml");

        await AtomicFileWriter.WriteIfChangedAsync(path, "x\n"u8.ToArray(), TestContext.Current.CancellationToken);

        Assert.True(File.GetUnixFileMode(path).HasFlag(UnixFileMode.OtherRead));
    }
}
