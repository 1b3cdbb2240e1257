namespace Convene.Sfu.Api;

/// <summary>
/// One participant's media endpoint: a publisher peer connection (the browser offers) and a subscriber peer
/// connection (the server offers). Disposing it unpublishes its tracks and removes its subscriptions.
/// </summary>
public interface IMediaPeer : IAsyncDisposable
{
    string ParticipantId { get; }

    /// <summary>
    /// Applies the browser's offer for the publisher connection. Tracks are described by mid; sections that
    /// disappeared or became inactive are unpublished. Returns the answer, or a failure saying why.
    /// </summary>
    PublishResult HandlePublishOffer(string sdpOffer, IReadOnlyList<PublishedTrackRequest> tracks);

    /// <summary>Starts forwarding <paramref name="track"/> to this peer; takes effect with the next subscribe offer.</summary>
    void Subscribe(IMediaTrack track);

    /// <summary>Stops forwarding a track (no-op when not subscribed).</summary>
    void Unsubscribe(string trackId);

    /// <summary>
    /// Builds the next offer for the subscriber connection if anything changed since the last one and no offer is
    /// outstanding; otherwise returns null. Call it after <see cref="Subscribe"/>/<see cref="Unsubscribe"/> and
    /// after each <see cref="HandleSubscribeAnswer"/>.
    /// </summary>
    SubscribeOffer? CreateSubscribeOfferIfNeeded();

    /// <summary>Applies the browser's answer to the outstanding subscribe offer.</summary>
    NegotiationResult HandleSubscribeAnswer(string sdpAnswer);

    /// <summary>Marks one of this peer's published tracks muted (forwarding of that track pauses while muted).</summary>
    bool SetMuted(string trackId, bool muted);

    /// <summary>Tracks this peer publishes.</summary>
    IReadOnlyList<IMediaTrack> PublishedTracks { get; }

    /// <summary>Current connectivity of the two peer connections, worst of both.</summary>
    MediaConnectionState ConnectionState { get; }

    /// <summary>Raised when <see cref="ConnectionState"/> changes (e.g. ICE consent lost → Disconnected).</summary>
    event EventHandler<MediaConnectionState>? ConnectionStateChanged;
}
