namespace MediaStack.AppHost.Immich;

/// <summary>
/// Holds the registry, name, tag and digest of the Valkey image Immich uses as its Redis.
/// </summary>
internal static class ImmichValkeyContainerImageTags
{
    /// <summary>The registry that serves the image.</summary>
    public const string Registry = "docker.io";

    /// <summary>The image name.</summary>
    public const string Image = "valkey/valkey";

    /// <summary>The tag Immich v3.1.0's compose file uses.</summary>
    public const string Tag = "9";

    /// <summary>The digest Immich v3.1.0's compose file pins the tag to.</summary>
    public const string Sha256 = "8e8d64b405ce18f41b8e5ee20aa4687a8ed0022d1298f2ce31cdcf3a76e09411";

    /// <summary>The tag with its digest, as Immich's compose file writes it, so the image cannot drift.</summary>
    public const string PinnedTag = Tag + "@sha256:" + Sha256;
}
