namespace Convene.Sdp;

/// <summary>
/// A track the SFU sends to a subscriber: the producer's codec (its PT is reused on this PeerConnection), our
/// outgoing SSRC (+ RTX SSRC when the codec has an RTX PT), the msid ids and cname, and extension ids to offer.
/// </summary>
public sealed record SubscribeTrack(
    NegotiatedCodec Codec,
    uint Ssrc,
    uint? RtxSsrc,
    string StreamId,
    string TrackId,
    string Cname,
    IReadOnlyList<NegotiatedExtension> Extensions);
