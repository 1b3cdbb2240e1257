namespace Convene.Sdp;

/// <summary>a=ssrc-group:SEMANTICS ssrc… (FID pairs media and RTX SSRCs, SIM lists simulcast SSRCs).</summary>
public sealed record SdpSsrcGroup(string Semantics, IReadOnlyList<uint> Ssrcs)
{
    /// <inheritdoc />
    public override string ToString() => $"{Semantics} {string.Join(' ', Ssrcs)}";
}
