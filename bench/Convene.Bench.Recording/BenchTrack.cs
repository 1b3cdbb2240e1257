using Convene.Sfu.Api;

namespace Convene.Bench.Recording;

/// <summary>
/// A track that hands packets to the attached local consumer. Like the SFU, attaching asks the publisher for a
/// keyframe, and disposing an older attachment does not detach a newer one (the recorder re-attaches new-before-old).
/// </summary>
internal sealed class BenchTrack(string trackId, string participantId, MediaKind kind, string codec) : IMediaTrack
{
    private readonly Lock _lock = new();
    private IRtpSink? _sink;
    private Detach? _current;
    private volatile bool _keyframeRequested;

    public string TrackId => trackId;

    public string ParticipantId => participantId;

    public MediaKind Kind => kind;

    public TrackSource Source => kind == MediaKind.Video ? TrackSource.Camera : TrackSource.Microphone;

    public bool Muted => false;

    public string CodecName => codec;

    public IDisposable AttachLocalConsumer(IRtpSink sink)
    {
        var attachment = new Detach(this);
        lock (_lock)
        {
            _current = attachment;
            _sink = sink;
        }

        _keyframeRequested = true;
        return attachment;
    }

    /// <summary>True once after each attach: the publisher sends a keyframe next.</summary>
    public bool TakeKeyframeRequest()
    {
        if (!_keyframeRequested)
        {
            return false;
        }

        _keyframeRequested = false;
        return true;
    }

    public void Send(ReadOnlySpan<byte> packet)
    {
        IRtpSink? sink;
        lock (_lock)
        {
            sink = _sink;
        }

        sink?.OnRtp(packet);
    }

    private sealed class Detach(BenchTrack track) : IDisposable
    {
        public void Dispose()
        {
            lock (track._lock)
            {
                if (ReferenceEquals(track._current, this))
                {
                    track._current = null;
                    track._sink = null;
                }
            }
        }
    }
}
