namespace Convene.Sdp;

/// <summary>a=rid:ID send|recv [params] (RFC 8851).</summary>
public sealed record SdpRid(string Id, string Direction, string? Parameters = null)
{
    /// <inheritdoc />
    public override string ToString() => Parameters is null ? $"{Id} {Direction}" : $"{Id} {Direction} {Parameters}";
}
