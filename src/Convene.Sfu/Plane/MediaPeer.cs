using System.Globalization;
using System.Net;
using Convene.Ice;
using Convene.Sdp;
using Convene.Sfu.Api;
using Convene.Sfu.Media;
using Convene.Sfu.Transport;

namespace Convene.Sfu.Plane;

/// <summary>
/// One participant's media endpoint: a publisher transport (the browser offers) and a subscriber transport (we
/// offer, one outstanding offer at a time, inactive mids recycled). Control methods serialise on one lock; the
/// packet path only sees the snapshots they publish into the transports and producers.
/// </summary>
internal sealed class MediaPeer : IMediaPeer, IProducerListener, IConsumerListener, ITransportListener
{
    private readonly Router _router;
    private readonly object _gate = new();
    private readonly WebRtcTransport _publisher;
    private readonly WebRtcTransport _subscriber;
    private readonly Dictionary<string, Producer> _producersByMid = new(StringComparer.Ordinal);
    private readonly List<SubscriberSlot> _slots = [];
    private readonly Dictionary<string, Producer> _wanted = new(StringComparer.Ordinal);
    private readonly ulong _sessionId;
    private ulong _subscribeVersion;
    private ulong _publishVersion;
    private SessionDescription? _outstandingOffer;
    private bool _dirty;
    private int _nextMid;
    private int _closed;
    private MediaConnectionState _lastReported = MediaConnectionState.New;

    public MediaPeer(Router router, string participantId)
    {
        _router = router;
        ParticipantId = participantId;
        var plane = router.Plane;
        _sessionId = (ulong)plane.NextSsrc();
        _publisher = new WebRtcTransport(plane.Worker, plane.NextIceCredentials(), plane.Certificate, plane.Time, plane.Options.ConsentTimeout, plane.NextSsrc(), this)
        {
            Cname = participantId,
        };
        _subscriber = new WebRtcTransport(plane.Worker, plane.NextIceCredentials(), plane.Certificate, plane.Time, plane.Options.ConsentTimeout, plane.NextSsrc(), this)
        {
            Cname = "convene",
        };
        plane.Worker.Register(_publisher);
        plane.Worker.Register(_subscriber);
    }

    public string ParticipantId { get; }

    public IReadOnlyList<IMediaTrack> PublishedTracks
    {
        get
        {
            lock (_gate)
            {
                return _producersByMid.Values.Where(p => !p.Closed).ToList<IMediaTrack>();
            }
        }
    }

    public MediaConnectionState ConnectionState => Worst(_publisher.State, _subscriber.State);

    public event EventHandler<MediaConnectionState>? ConnectionStateChanged;

    private bool IsClosed => Volatile.Read(ref _closed) != 0;

    public PublishResult HandlePublishOffer(string sdpOffer, IReadOnlyList<PublishedTrackRequest> tracks)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        if (IsClosed)
        {
            return PublishResult.Fail("The media peer is closed.");
        }

        if (!SessionDescription.TryParse(sdpOffer, out var offer, out var parseError))
        {
            return PublishResult.Fail($"Invalid SDP offer: {parseError}");
        }

        lock (_gate)
        {
            var origin = SdpOrigin.Create(_sessionId, ++_publishVersion);
            if (!SdpNegotiator.TryAnswerPublishOffer(offer!, LocalTransport(_publisher), origin, null, out var answer, out var error))
            {
                return PublishResult.Fail(error ?? "The offer could not be answered.");
            }

            var requests = tracks.ToDictionary(t => t.Mid, StringComparer.Ordinal);
            var published = new List<PublishedTrack>();
            var added = new List<Producer>();
            var removed = new List<Producer>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var media in answer!.Media)
            {
                var sending = media.Accepted && media.Codec is not null && media.Direction is SdpDirection.RecvOnly or SdpDirection.SendRecv;
                if (!sending)
                {
                    continue;
                }

                seen.Add(media.Mid);
                if (_producersByMid.TryGetValue(media.Mid, out var existing))
                {
                    published.Add(new PublishedTrack(media.Mid, existing));
                    continue;
                }

                var kind = media.Kind == "audio" ? MediaKind.Audio : MediaKind.Video;
                requests.TryGetValue(media.Mid, out var request);
                var source = request?.Source ?? (kind == MediaKind.Audio ? TrackSource.Microphone : TrackSource.Camera);
                var codec = new MediaCodec(media.Codec!.Name, kind, (byte)media.Codec.PayloadType, media.Codec.ClockRate, (byte?)media.Codec.RtxPayloadType);
                var producer = new Producer(
                    _router.Plane.NextId("TR_", 12),
                    ParticipantId,
                    media.Mid,
                    source,
                    codec,
                    media.Ssrc,
                    media.RtxSsrc,
                    media.ExtensionId(RtpExtensionUris.AudioLevel) ?? 0,
                    _publisher,
                    this,
                    _publisher.RtcpSsrc,
                    _router.Plane.CountersSet,
                    _router.Plane.Time);
                if (request?.Muted == true)
                {
                    producer.SetMuted(true);
                }

                _producersByMid[media.Mid] = producer;
                added.Add(producer);
                published.Add(new PublishedTrack(media.Mid, producer));
                if (media.ExtensionId(RtpExtensionUris.Mid) is int midId)
                {
                    _publisher.SetMidExtensionId(midId);
                }
            }

            foreach (var (mid, producer) in _producersByMid.Where(kv => !seen.Contains(kv.Key)).ToList())
            {
                _producersByMid.Remove(mid);
                removed.Add(producer);
            }

            _publisher.SetProducers(_producersByMid.Values);
            _publisher.SetRemote(answer.Remote.IceUfrag, answer.Remote.IcePwd, answer.Remote.Fingerprint.ToString(), answer.LocalIsDtlsClient);
            foreach (var producer in removed)
            {
                producer.ParentClosed();
                _router.OnTrackUnpublished(producer);
            }

            foreach (var producer in added)
            {
                _router.OnTrackPublished(producer);
            }

            return new PublishResult(true, answer.Description.ToString(), published, null);
        }
    }

    public void Subscribe(IMediaTrack track)
    {
        if (track is not Producer producer || producer.Closed || IsClosed)
        {
            return;
        }

        lock (_gate)
        {
            if (_wanted.TryAdd(producer.TrackId, producer))
            {
                _dirty = true;
            }
        }
    }

    public void Unsubscribe(string trackId)
    {
        lock (_gate)
        {
            if (_wanted.Remove(trackId))
            {
                _dirty = true;
            }
        }
    }

    public SubscribeOffer? CreateSubscribeOfferIfNeeded()
    {
        lock (_gate)
        {
            if (IsClosed || !_dirty || _outstandingOffer is not null)
            {
                return null;
            }

            _dirty = false;
            var plane = _router.Plane;

            // Free the slots whose track is gone or unwanted.
            foreach (var slot in _slots)
            {
                if (slot.Consumer is { } consumer && (consumer.Closed || !_wanted.ContainsKey(consumer.Producer.TrackId)))
                {
                    consumer.Close();
                    slot.Consumer = null;
                }
            }

            foreach (var producer in _wanted.Values.Where(p => !p.Closed).ToList())
            {
                if (_slots.Any(s => s.Consumer?.Producer == producer))
                {
                    continue;
                }

                var kind = producer.Kind == MediaKind.Audio ? "audio" : "video";
                var slot = _slots.FirstOrDefault(s => s.Consumer is null && s.Kind == kind);
                if (slot is null)
                {
                    slot = new SubscriberSlot((_nextMid++).ToString(CultureInfo.InvariantCulture), kind);
                    _slots.Add(slot);
                }

                var consumer = new Consumer(producer, plane.NextSsrc(), producer.Codec.PayloadType, new byte[16], _subscriber, this, plane.CountersSet, plane.Time, plane.Random);
                slot.Consumer = consumer;
                producer.AddConsumer(consumer);
            }

            foreach (var gone in _wanted.Where(kv => kv.Value.Closed).Select(kv => kv.Key).ToList())
            {
                _wanted.Remove(gone);
            }

            if (_slots.Count == 0)
            {
                return null;
            }

            var sections = new List<SubscribeSection>();
            var tracks = new List<SubscribedTrack>();
            foreach (var slot in _slots)
            {
                if (slot.Consumer is not { } consumer)
                {
                    sections.Add(new SubscribeSection(slot.Mid, slot.Kind, null));
                    continue;
                }

                var producer = consumer.Producer;
                var codec = new NegotiatedCodec(
                    producer.Codec.PayloadType,
                    producer.Codec.Name,
                    producer.Codec.ClockRate,
                    producer.Kind == MediaKind.Audio ? 2 : null,
                    producer.Kind == MediaKind.Audio ? "minptime=10;useinbandfec=1" : null,
                    null,
                    producer.Kind == MediaKind.Video ? ["nack", "nack pli", "ccm fir"] : []);
                sections.Add(new SubscribeSection(slot.Mid, slot.Kind, new SubscribeTrack(codec, consumer.Ssrc, null, producer.ParticipantId, producer.TrackId, "convene", [])));
                tracks.Add(new SubscribedTrack(slot.Mid, producer.TrackId, producer.ParticipantId, producer.Kind, producer.Source));
            }

            var origin = SdpOrigin.Create(_sessionId, ++_subscribeVersion);
            if (!SdpNegotiator.TryBuildSubscribeOffer(LocalTransport(_subscriber), sections, origin, out var offer, out _))
            {
                return null;
            }

            _subscriber.SetConsumers(_slots.Where(s => s.Consumer is not null).Select(s => s.Consumer!));
            _outstandingOffer = offer;
            return new SubscribeOffer(offer!.ToString(), tracks);
        }
    }

    public NegotiationResult HandleSubscribeAnswer(string sdpAnswer)
    {
        lock (_gate)
        {
            if (_outstandingOffer is null)
            {
                return NegotiationResult.Fail("No subscribe offer is outstanding.");
            }

            if (!SessionDescription.TryParse(sdpAnswer, out var answer, out var parseError))
            {
                return NegotiationResult.Fail($"Invalid SDP answer: {parseError}");
            }

            if (!SdpNegotiator.TryReadSubscribeAnswer(_outstandingOffer, answer!, out var result, out var error))
            {
                return NegotiationResult.Fail(error ?? "The answer does not match the offer.");
            }

            _outstandingOffer = null;
            _subscriber.SetRemote(result!.Remote.IceUfrag, result.Remote.IcePwd, result.Remote.Fingerprint.ToString(), result.LocalIsDtlsClient);
            return NegotiationResult.Ok;
        }
    }

    public bool SetMuted(string trackId, bool muted)
    {
        lock (_gate)
        {
            var producer = _producersByMid.Values.FirstOrDefault(p => p.TrackId == trackId);
            if (producer is null)
            {
                return false;
            }

            producer.SetMuted(muted);
            return true;
        }
    }

    public void OnProducerClosed(Producer producer)
    {
        lock (_gate)
        {
            if (_producersByMid.TryGetValue(producer.Mid, out var current) && current == producer)
            {
                _producersByMid.Remove(producer.Mid);
                _publisher.SetProducers(_producersByMid.Values);
            }
        }

        _router.OnTrackUnpublished(producer);
    }

    /// <summary>A consumer closed because its producer left: renegotiate without it.</summary>
    public void OnConsumerClosed(Consumer consumer)
    {
        lock (_gate)
        {
            _wanted.Remove(consumer.Producer.TrackId);
            _dirty = true;
        }
    }

    public void OnTransportStateChanged(WebRtcTransport transport)
    {
        var state = ConnectionState;
        if (state != _lastReported)
        {
            _lastReported = state;
            ConnectionStateChanged?.Invoke(this, state);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        List<Producer> producers;
        List<Consumer> consumers;
        lock (_gate)
        {
            producers = [.. _producersByMid.Values];
            _producersByMid.Clear();
            consumers = _slots.Where(s => s.Consumer is not null).Select(s => s.Consumer!).ToList();
            _slots.Clear();
            _wanted.Clear();
        }

        foreach (var consumer in consumers)
        {
            consumer.Close();
        }

        foreach (var producer in producers)
        {
            producer.ParentClosed();
            _router.OnTrackUnpublished(producer);
        }

        await _publisher.CloseAsync();
        await _subscriber.CloseAsync();
        _router.OnPeerClosed(this);
    }

    private SdpLocalTransport LocalTransport(WebRtcTransport transport)
    {
        var plane = _router.Plane;
        var addresses = plane.AnnouncedAddresses;
        var port = plane.Worker.LocalEndPoint.Port;
        if (!SdpFingerprint.TryParse(plane.Certificate.Fingerprint, out var fingerprint))
        {
            throw new InvalidOperationException("The DTLS certificate fingerprint is not valid SDP.");
        }

        // One host candidate per announced address, in preference order (distinct foundations, falling local preference).
        var candidates = addresses
            .Select((address, index) => new IceCandidate(
                (index + 1).ToString(CultureInfo.InvariantCulture), 1, "udp",
                IceCandidate.ComputePriority(IceCandidate.HostTypePreference, 65535 - index, 1), address, port).ToString())
            .ToArray();
        return new SdpLocalTransport(
            transport.LocalCredentials.Ufrag, transport.LocalCredentials.Password, fingerprint!, addresses[0].ToString(), port, candidates);
    }

    private static MediaConnectionState Worst(MediaConnectionState a, MediaConnectionState b)
    {
        // A connection nobody negotiated yet (still New) does not drag the other one down.
        if (a == MediaConnectionState.New)
        {
            return b;
        }

        if (b == MediaConnectionState.New)
        {
            return a;
        }

        static int Rank(MediaConnectionState s) => s switch
        {
            MediaConnectionState.Closed => 6,
            MediaConnectionState.Failed => 5,
            MediaConnectionState.Disconnected => 4,
            MediaConnectionState.Connecting => 3,
            MediaConnectionState.New => 2,
            _ => 1,
        };

        return Rank(a) >= Rank(b) ? a : b;
    }
}
