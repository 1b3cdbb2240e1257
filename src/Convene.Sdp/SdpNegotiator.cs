namespace Convene.Sdp;

/// <summary>
/// Offer/answer helpers for the SFU's two PeerConnections per participant:
/// the publisher's offer is answered with <see cref="TryAnswerPublishOffer"/>; the subscriber PeerConnection is
/// offered with <see cref="TryBuildSubscribeOffer"/> and its answer read with <see cref="TryReadSubscribeAnswer"/>.
/// The negotiated result is carried by <see cref="NegotiatedMedia"/> / <see cref="NegotiatedCodec"/> /
/// <see cref="NegotiatedExtension"/> and the peer's transport by <see cref="RemoteTransport"/>.
/// None of these throw for bad SDP: they return false with a readable error.
/// </summary>
public static class SdpNegotiator
{
    /// <summary>
    /// Answers a publish offer: sendonly (or sendrecv) sections become recvonly with Opus (audio) or VP8, else H.264
    /// 42e01f packetization-mode 1 (video), the codec's RTX, supported extmaps and feedback; unsupported sections are
    /// rejected with port 0; ice-lite, our credentials, fingerprint, a=setup:passive and candidates.
    /// </summary>
    public static bool TryAnswerPublishOffer(
        SessionDescription offer,
        SdpLocalTransport local,
        SdpOrigin origin,
        SdpNegotiationOptions? options,
        out PublishAnswer? answer,
        out string? error)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(origin);
        return PublishAnswerBuilder.TryBuild(offer, local, origin, options ?? new SdpNegotiationOptions(), out answer, out error);
    }

    /// <summary>Builds an offer for a subscriber PeerConnection: one sendonly section per track, inactive for free mids.</summary>
    public static bool TryBuildSubscribeOffer(
        SdpLocalTransport local,
        IReadOnlyList<SubscribeSection> sections,
        SdpOrigin origin,
        out SessionDescription? offer,
        out string? error)
    {
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(sections);
        ArgumentNullException.ThrowIfNull(origin);
        return SubscribeOfferBuilder.TryBuild(local, sections, origin, out offer, out error);
    }

    /// <summary>Reads the browser's answer to our subscriber offer: per mid acceptance, codec, extension ids; its transport.</summary>
    public static bool TryReadSubscribeAnswer(SessionDescription offer, SessionDescription answer, out SubscribeAnswer? result, out string? error)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(answer);
        return SubscribeOfferBuilder.TryReadAnswer(offer, answer, out result, out error);
    }
}
