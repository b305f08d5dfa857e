namespace MediaStack.IngressConfigurator.Tests;

internal sealed class TempConfigFile : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ingress-tests-" + Guid.NewGuid().ToString("N"));

    public TempConfigFile(string yaml)
    {
        Directory.CreateDirectory(_directory);
        FilePath = Path.Combine(_directory, "config.yml");
        File.WriteAllText(FilePath, yaml);
        File.SetLastWriteTimeUtc(FilePath, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        OriginalBytes = File.ReadAllBytes(FilePath);
    }

    public string FilePath { get; }

    public byte[] OriginalBytes { get; }

    public bool IsUnchanged =>
        File.ReadAllBytes(FilePath).AsSpan().SequenceEqual(OriginalBytes) &&
        File.GetLastWriteTimeUtc(FilePath) == new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) &&
        Directory.GetFiles(_directory).Length == 1;

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
