namespace MediaStack.IngressConfigurator.Model;

/// <summary>
/// The value type of a simple <c>originRequest</c> field.
/// </summary>
internal enum OriginRequestFieldKind
{
    Duration,
    Boolean,
    Integer,
    UnsignedInteger,
    Text,
}
