using Convene.Sfu.Api;

namespace Convene.Signalling.Tests.Fakes;

/// <summary>
/// Mimics the SFU peer's negotiation rules: tracks by mid, sections that vanish are unpublished, at most one
/// outstanding subscribe offer with later changes coalesced into the next. SDP text "bad" is rejected.
/// </summary>
public sealed class FakeMediaPeer(string participantId, FakeMediaRoom room) : IMediaPeer
{
    private readonly object _lock = new();
    private readonly Dictionary<string, FakeTrack> _byMid = [];
    private readonly Dictionary<string, IMediaTrack> _subscribed = [];
    private bool _dirty;
    private int _offers;

    public string ParticipantId { get; } = participantId;

    public bool OfferOutstanding { get; private set; }

    public bool Disposed { get; private set; }

    public IReadOnlyCollection<string> SubscribedTrackIds
    {
        get
        {
            lock (_lock)
            {
                return [.. _subscribed.Keys];
            }
        }
    }

    public IReadOnlyList<IMediaTrack> PublishedTracks
    {
        get
        {
            lock (_lock)
            {
                return [.. _byMid.Values];
            }
        }
    }

    public MediaConnectionState ConnectionState => Disposed ? MediaConnectionState.Closed : MediaConnectionState.New;

    public event EventHandler<MediaConnectionState>? ConnectionStateChanged;

    public PublishResult HandlePublishOffer(string sdpOffer, IReadOnlyList<PublishedTrackRequest> tracks)
    {
        if (sdpOffer == "bad")
        {
            return PublishResult.Fail("no m-sections");
        }

        var result = new List<PublishedTrack>();
        lock (_lock)
        {
            foreach (var gone in _byMid.Keys.Except(tracks.Select(t => t.Mid)).ToList())
            {
                _byMid.Remove(gone);
            }

            foreach (var request in tracks)
            {
                if (!_byMid.TryGetValue(request.Mid, out var track))
                {
                    var kind = request.Source is TrackSource.Microphone or TrackSource.ScreenShareAudio ? MediaKind.Audio : MediaKind.Video;
                    track = new FakeTrack(room.NextTrackId(), ParticipantId, kind, request.Source, request.Muted);
                    _byMid[request.Mid] = track;
                    room.Published(track);
                }

                result.Add(new PublishedTrack(request.Mid, track));
            }
        }

        return new PublishResult(true, "answer:" + sdpOffer, result, null);
    }

    public void Subscribe(IMediaTrack track)
    {
        lock (_lock)
        {
            _subscribed[track.TrackId] = track;
            _dirty = true;
        }
    }

    public void Unsubscribe(string trackId)
    {
        lock (_lock)
        {
            _dirty |= _subscribed.Remove(trackId);
        }
    }

    public SubscribeOffer? CreateSubscribeOfferIfNeeded()
    {
        lock (_lock)
        {
            if (OfferOutstanding || !_dirty)
            {
                return null;
            }

            _dirty = false;
            OfferOutstanding = true;
            _offers++;
            var tracks = _subscribed.Values.Select((t, i) => new SubscribedTrack(i.ToString(System.Globalization.CultureInfo.InvariantCulture), t.TrackId, t.ParticipantId, t.Kind, t.Source)).ToList();
            return new SubscribeOffer($"offer#{_offers}:" + string.Join(',', tracks.Select(t => t.TrackId)), tracks);
        }
    }

    public NegotiationResult HandleSubscribeAnswer(string sdpAnswer)
    {
        lock (_lock)
        {
            if (!OfferOutstanding || sdpAnswer == "bad")
            {
                return NegotiationResult.Fail("no offer outstanding or unparsable answer");
            }

            OfferOutstanding = false;
            return NegotiationResult.Ok;
        }
    }

    public bool SetMuted(string trackId, bool muted)
    {
        lock (_lock)
        {
            var track = _byMid.Values.FirstOrDefault(t => t.TrackId == trackId);
            if (track is null)
            {
                return false;
            }

            track.Muted = muted;
            return true;
        }
    }

    public ValueTask DisposeAsync()
    {
        if (!Disposed)
        {
            Disposed = true;
            room.PeerClosed(this);
            ConnectionStateChanged?.Invoke(this, MediaConnectionState.Closed);
        }

        return ValueTask.CompletedTask;
    }
}
