using Convene.Dtls;
using Convene.Sdp;
using Convene.Sfu.Api;
using Convene.Sfu.Transport;

namespace Convene.Testing.Media;

/// <summary>
/// A C# participant talking to an <see cref="IMediaPeer"/> directly (no WebSocket): a publisher connection that
/// offers like Chromium and sends synthetic Opus/VP8 (a VP8 keyframe first and after every PLI/FIR), and a
/// subscriber connection that answers the SFU's offers and records what arrives. Both connections do real ICE,
/// DTLS and SRTP over their own datagram endpoint. Send methods are for one test thread.
/// </summary>
public sealed class TestPeer : IAsyncDisposable
{
    private readonly Random _random;
    private readonly Dictionary<string, uint> _ssrcByTrack = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private readonly byte[] _buffer = new byte[1600];
    private readonly ulong _sessionId;
    private int _publishVersion = 1;
    private ushort _audioSeq;
    private ushort _videoSeq;
    private uint _audioTs;
    private uint _videoTs;
    private int _keyframePending = 1;
    private long _keyframesSent;

    public TestPeer(IMediaPeer peer, Func<IDatagramTransport> endpoints, DtlsCertificate certificate, TimeProvider time, Random random)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(random);
        MediaPeer = peer;
        _random = random;
        _sessionId = (ulong)random.NextInt64(1, long.MaxValue);
        _audioSeq = (ushort)random.Next(0, 0x10000);
        _videoSeq = (ushort)random.Next(0, 0x10000);
        _audioTs = (uint)random.NextInt64(0, uint.MaxValue);
        _videoTs = (uint)random.NextInt64(0, uint.MaxValue);
        Publisher = new TestPeerConnection(endpoints(), certificate, time, random);
        Subscriber = new TestPeerConnection(endpoints(), certificate, time, random);
        Publisher.KeyframeRequested += ssrc =>
        {
            if (ssrc == VideoSsrc)
            {
                Interlocked.Exchange(ref _keyframePending, 1);
            }
        };
    }

    public IMediaPeer MediaPeer { get; }

    public string ParticipantId => MediaPeer.ParticipantId;

    public TestPeerConnection Publisher { get; }

    public TestPeerConnection Subscriber { get; }

    public uint AudioSsrc { get; private set; }

    public uint VideoSsrc { get; private set; }

    public uint VideoRtxSsrc { get; private set; }

    public IMediaTrack? AudioTrack { get; private set; }

    public IMediaTrack? VideoTrack { get; private set; }

    /// <summary>Frames sent so far; the next frame's stamp.</summary>
    public uint AudioFramesSent { get; private set; }

    public uint VideoFramesSent { get; private set; }

    public long KeyframesSent => Interlocked.Read(ref _keyframesSent);

    /// <summary>The last subscribe offer applied (tracks by mid).</summary>
    public SubscribeOffer? LastSubscribeOffer { get; private set; }

    /// <summary>Offers audio and/or video, applies the answer and connects the publisher transport (once).</summary>
    public async Task PublishAsync(bool audio, bool video, CancellationToken cancellationToken)
    {
        if (audio && AudioSsrc == 0)
        {
            AudioSsrc = NextSsrc();
        }

        if (video && VideoSsrc == 0)
        {
            VideoSsrc = NextSsrc();
            VideoRtxSsrc = NextSsrc();
        }

        var sections = new TestPeerSdp.PublishSections(audio ? AudioSsrc : null, video ? VideoSsrc : null, video ? VideoRtxSsrc : null);
        var offer = TestPeerSdp.PublishOffer(Publisher.LocalCredentials, Publisher.Certificate.Fingerprint, _sessionId, ++_publishVersion, ParticipantId, sections);
        List<PublishedTrackRequest> requests = [];
        if (audio)
        {
            requests.Add(new PublishedTrackRequest("0", TrackSource.Microphone));
        }

        if (video)
        {
            requests.Add(new PublishedTrackRequest("1", TrackSource.Camera));
        }

        var result = MediaPeer.HandlePublishOffer(offer, requests);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Publish offer refused: {result.Error}");
        }

        AudioTrack = result.Tracks.FirstOrDefault(t => t.Mid == "0")?.Track;
        VideoTrack = result.Tracks.FirstOrDefault(t => t.Mid == "1")?.Track;
        if (!audio)
        {
            AudioSsrc = 0;
        }

        if (!video)
        {
            VideoSsrc = 0;
            VideoRtxSsrc = 0;
        }

        if (!Publisher.IsConnected)
        {
            var answer = Parse(result.SdpAnswer);
            var (ice, fingerprint, server) = TestPeerSdp.ReadServerTransport(answer);
            await Publisher.ConnectAsync(server, ice, fingerprint, cancellationToken);
            await WaitForSfuConnectedAsync(cancellationToken);
        }
    }

    /// <summary>Sends <paramref name="frames"/> Opus frames (20 ms each, stamped with the frame index).</summary>
    public void SendAudio(int frames = 1, byte levelDbov = 30)
    {
        for (var i = 0; i < frames; i++)
        {
            var n = SyntheticMedia.WriteOpus(_buffer, _audioSeq++, _audioTs, AudioSsrc, "0", AudioFramesSent++, levelDbov);
            _audioTs += 960;
            Publisher.SendRtp(_buffer.AsSpan(0, n));
        }
    }

    /// <summary>Sends <paramref name="frames"/> VP8 frames (one packet each); a keyframe when one was requested.</summary>
    public void SendVideo(int frames = 1, int payloadSize = 200)
    {
        for (var i = 0; i < frames; i++)
        {
            var keyframe = Interlocked.Exchange(ref _keyframePending, 0) == 1;
            if (keyframe)
            {
                Interlocked.Increment(ref _keyframesSent);
            }

            var n = SyntheticMedia.WriteVp8(_buffer, _videoSeq++, _videoTs, VideoSsrc, "1", VideoFramesSent++, keyframe, payloadSize);
            _videoTs += 3000;
            Publisher.SendRtp(_buffer.AsSpan(0, n));
        }
    }

    /// <summary>Subscribes to <paramref name="tracks"/> and completes the resulting negotiation.</summary>
    public async Task SubscribeAsync(IEnumerable<IMediaTrack> tracks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        foreach (var track in tracks)
        {
            MediaPeer.Subscribe(track);
        }

        await RenegotiateAsync(cancellationToken);
    }

    /// <summary>Applies subscribe offers until none is pending (bounded); connects the subscriber transport once. Returns how many.</summary>
    public async Task<int> RenegotiateAsync(CancellationToken cancellationToken)
    {
        var applied = 0;
        for (var round = 0; round < 8 && MediaPeer.CreateSubscribeOfferIfNeeded() is { } offer; round++)
        {
            var description = Parse(offer.Sdp);
            var answer = TestPeerSdp.SubscribeAnswer(description, Subscriber.LocalCredentials, Subscriber.Certificate.Fingerprint, _sessionId);
            var result = MediaPeer.HandleSubscribeAnswer(answer);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Subscribe answer refused: {result.Error}");
            }

            lock (_gate)
            {
                _ssrcByTrack.Clear();
                foreach (var track in offer.Tracks)
                {
                    if (description.FindMedia(track.Mid)?.Ssrcs.FirstOrDefault() is { } ssrc)
                    {
                        _ssrcByTrack[track.TrackId] = ssrc.Ssrc;
                    }
                }
            }

            LastSubscribeOffer = offer;
            applied++;
            if (!Subscriber.IsConnected && offer.Tracks.Count > 0)
            {
                var (ice, fingerprint, server) = TestPeerSdp.ReadServerTransport(description);
                await Subscriber.ConnectAsync(server, ice, fingerprint, cancellationToken);
                await WaitForSfuConnectedAsync(cancellationToken);
            }
        }

        return applied;
    }

    /// <summary>The SSRC the SFU announced for <paramref name="track"/> in our subscriber connection.</summary>
    public uint? SsrcOf(IMediaTrack track)
    {
        ArgumentNullException.ThrowIfNull(track);
        lock (_gate)
        {
            return _ssrcByTrack.TryGetValue(track.TrackId, out var ssrc) ? ssrc : null;
        }
    }

    /// <summary>What arrived for <paramref name="track"/> (null before the first packet).</summary>
    public ReceivedStream? Received(IMediaTrack track) => SsrcOf(track) is { } ssrc ? Subscriber.Stream(ssrc) : null;

    public async ValueTask DisposeAsync()
    {
        await MediaPeer.DisposeAsync();
        await Publisher.DisposeAsync();
        await Subscriber.DisposeAsync();
    }

    /// <summary>The SFU installs its SRTP contexts on its worker shortly after the handshake; wait for that (≤ 3 s).</summary>
    private async Task WaitForSfuConnectedAsync(CancellationToken cancellationToken)
    {
        if (!await Poll.UntilAsync(() => MediaPeer.ConnectionState == MediaConnectionState.Connected, TimeSpan.FromSeconds(3), cancellationToken))
        {
            throw new TimeoutException($"The SFU side of {ParticipantId} is {MediaPeer.ConnectionState}, not Connected.");
        }
    }

    private uint NextSsrc() => (uint)_random.NextInt64(1, uint.MaxValue);

    private static SessionDescription Parse(string? sdp) =>
        SessionDescription.TryParse(sdp, out var description, out var error)
            ? description!
            : throw new InvalidOperationException($"The SFU wrote unparseable SDP: {error}");
}
