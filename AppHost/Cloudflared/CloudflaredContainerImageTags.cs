namespace MediaStack.AppHost.Cloudflared;

/// <summary>
/// Holds the registry, name and release tag of the cloudflared image.
/// </summary>
internal static class CloudflaredContainerImageTags
{
    /// <summary>The registry that serves the image.</summary>
    public const string Registry = "docker.io";

    /// <summary>The image name.</summary>
    public const string Image = "cloudflare/cloudflared";

    /// <summary>The cloudflared release the stack is pinned to.</summary>
    public const string Tag = "2026.9.1";

    /// <summary>The numeric user and group of the image's non-root user.</summary>
    public const string NonRootUser = "65532:65532";
}
