namespace MediaStack.AppHost.Immich;

/// <summary>
/// Holds the registry, name, tag and digest of Immich's Postgres image with VectorChord.
/// </summary>
internal static class ImmichPostgresContainerImageTags
{
    /// <summary>The registry that serves the image.</summary>
    public const string Registry = "ghcr.io";

    /// <summary>The image name.</summary>
    public const string Image = "immich-app/postgres";

    /// <summary>The tag Immich v3.1.0's compose file uses.</summary>
    public const string Tag = "14-vectorchord0.4.3-pgvectors0.2.0";

    /// <summary>The digest Immich v3.1.0's compose file pins the tag to.</summary>
    public const string Sha256 = "bcf63357191b76a916ae5eb93464d65c07511da41e3bf7a8416db519b40b1c23";

    /// <summary>The tag with its digest, as Immich's compose file writes it, so the image cannot drift.</summary>
    public const string PinnedTag = Tag + "@sha256:" + Sha256;
}
