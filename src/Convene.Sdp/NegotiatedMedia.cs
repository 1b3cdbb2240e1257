namespace Convene.Sdp;

/// <summary>
/// The negotiated result of one m-section: the type the SFU reads after an offer/answer. Carries the codec (PT,
/// clock rate, rtx PT), extension ids, the sender's SSRCs (media + RTX, from a=ssrc-group:FID or a=ssrc), the
/// msid (stream/track ids), the cname, and rid ids when the sender uses simulcast (then SSRCs are learnt from packets).
/// </summary>
public sealed record NegotiatedMedia(
    string Mid,
    string Kind,
    bool Accepted,
    SdpDirection Direction,
    NegotiatedCodec? Codec,
    IReadOnlyList<NegotiatedExtension> Extensions,
    uint? Ssrc,
    uint? RtxSsrc,
    string? Cname,
    string? StreamId,
    string? TrackId,
    IReadOnlyList<string> Rids)
{
    /// <summary>The id of <paramref name="uri"/> on this PeerConnection, when negotiated.</summary>
    public int? ExtensionId(string uri) => Extensions.FirstOrDefault(e => e.Uri == uri)?.Id;

    /// <summary>True when the sender announced simulcast rids.</summary>
    public bool IsSimulcast => Rids.Count > 0;
}
