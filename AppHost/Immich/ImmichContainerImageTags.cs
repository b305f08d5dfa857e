namespace MediaStack.AppHost.Immich;

/// <summary>
/// Holds the registry, names and default tag of Immich's server and machine-learning images.
/// </summary>
/// <remarks>
/// Taken from the docker-compose.yml of Immich v3.1.0. The owner changes the version with the
/// <c>MediaStack:ImmichVersion</c> setting; the database and Valkey images below belong to this
/// release and should move together with it.
/// </remarks>
internal static class ImmichContainerImageTags
{
    /// <summary>The registry that serves Immich's images.</summary>
    public const string Registry = "ghcr.io";

    /// <summary>The Immich server image.</summary>
    public const string ServerImage = "immich-app/immich-server";

    /// <summary>The Immich machine-learning image.</summary>
    public const string MachineLearningImage = "immich-app/immich-machine-learning";

    /// <summary>The Immich release the stack is pinned to unless the owner chooses another.</summary>
    public const string DefaultVersion = "v3.1.0";
}
