namespace Convene.Sdp;

/// <summary>An attribute this model does not interpret: kept verbatim so it round-trips.</summary>
public sealed record SdpAttributeLine(string Name, string? Value)
{
    /// <inheritdoc />
    public override string ToString() => Value is null ? Name : $"{Name}:{Value}";
}
