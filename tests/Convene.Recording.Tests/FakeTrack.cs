using Convene.Sfu.Api;

namespace Convene.Recording.Tests;

/// <summary>An SFU track double: remembers the attached sink and how often a consumer attached (= keyframe requests).</summary>
internal sealed class FakeTrack(string trackId, string participantId, MediaKind kind, string codec) : IMediaTrack
{
    private IRtpSink? _sink;

    public string TrackId => trackId;

    public string ParticipantId => participantId;

    public MediaKind Kind => kind;

    public TrackSource Source => kind == MediaKind.Video ? TrackSource.Camera : TrackSource.Microphone;

    public bool Muted => false;

    public string CodecName => codec;

    public int Attaches { get; private set; }

    private object? _current;
    private volatile bool _keyframeRequested;

    public IDisposable AttachLocalConsumer(IRtpSink sink)
    {
        var attachment = new Detach(this, sink);
        _current = attachment;
        _sink = sink;
        Attaches++;
        _keyframeRequested = true; // like the SFU: attaching asks the publisher for a keyframe
        return attachment;
    }

    /// <summary>True once after each attach: the publisher should send a keyframe next.</summary>
    public bool TakeKeyframeRequest()
    {
        var requested = _keyframeRequested;
        _keyframeRequested = false;
        return requested;
    }

    public void Send(ReadOnlySpan<byte> packet) => _sink?.OnRtp(packet);

    private sealed class Detach(FakeTrack track, IRtpSink sink) : IDisposable
    {
        public void Dispose()
        {
            if (ReferenceEquals(track._current, this) && ReferenceEquals(track._sink, sink))
            {
                track._sink = null;
                track._current = null;
            }
        }
    }
}
