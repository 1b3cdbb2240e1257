using Convene.Sfu.Api;

namespace Convene.Bench.Recording;

/// <summary>A track that hands packets to whichever local consumer is attached.</summary>
internal sealed class BenchTrack(string trackId, string participantId, MediaKind kind, string codec) : IMediaTrack
{
    private volatile IRtpSink? _sink;

    public string TrackId => trackId;

    public string ParticipantId => participantId;

    public MediaKind Kind => kind;

    public TrackSource Source => kind == MediaKind.Video ? TrackSource.Camera : TrackSource.Microphone;

    public bool Muted => false;

    public string CodecName => codec;

    public IDisposable AttachLocalConsumer(IRtpSink sink)
    {
        _sink = sink;
        return new Detach(this);
    }

    public void Send(ReadOnlySpan<byte> packet) => _sink?.OnRtp(packet);

    private sealed class Detach(BenchTrack track) : IDisposable
    {
        public void Dispose() => track._sink = null;
    }
}
