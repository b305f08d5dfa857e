namespace MediaStack.IngressConfigurator.Resource;

/// <summary>
/// Replaces a file in one step, so a reader such as cloudflared sees either the old file or the
/// new one, never half of either.
/// </summary>
public static class AtomicFileWriter
{
    /// <summary>
    /// Writes <paramref name="content"/> to <paramref name="path"/> through a temporary file in the
    /// same folder and a rename; an identical existing file is left untouched.
    /// </summary>
    /// <returns><see langword="true"/> when the file was written; <see langword="false"/> when it already held these bytes.</returns>
    public static async Task<bool> WriteIfChangedAsync(string path, byte[] content, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(content);

        var fullPath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(directory);

        if (File.Exists(fullPath))
        {
            var existing = await File.ReadAllBytesAsync(fullPath, cancellationToken);
            if (existing.AsSpan().SequenceEqual(content))
            {
                return false;
            }
        }

        // Same folder as the target: a rename is only atomic within one file system.
        var temporaryPath = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Environment.ProcessId}.tmp");
        try
        {
            await using (var stream = new FileStream(
                temporaryPath,
                FileMode.Create,
                FileAccess.Write,
                FileShare.None,
                bufferSize: 4096,
                FileOptions.WriteThrough))
            {
                await stream.WriteAsync(content, cancellationToken);
                await stream.FlushAsync(cancellationToken);
            }

            // cloudflared runs as a non-root user and must be able to read the file it is given.
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(
                    temporaryPath,
                    UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            }

            File.Move(temporaryPath, fullPath, overwrite: true);
            return true;
        }
        finally
        {
            if (File.Exists(temporaryPath))
            {
                File.Delete(temporaryPath);
            }
        }
    }
}
