using Convene.Sfu.Api;

namespace Convene.Signalling.Tests.Fakes;

public sealed class FakeTrack(string trackId, string participantId, MediaKind kind, TrackSource source, bool muted) : IMediaTrack
{
    public string TrackId { get; } = trackId;

    public string ParticipantId { get; } = participantId;

    public MediaKind Kind { get; } = kind;

    public TrackSource Source { get; } = source;

    public bool Muted { get; set; } = muted;

    public string CodecName => Kind == MediaKind.Audio ? "opus" : "VP8";

    public IDisposable AttachLocalConsumer(IRtpSink sink) => throw new NotSupportedException("not used by signalling");
}
