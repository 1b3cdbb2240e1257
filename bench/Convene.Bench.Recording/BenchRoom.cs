using Convene.Sfu.Api;

namespace Convene.Bench.Recording;

internal sealed class BenchRoom(IReadOnlyList<IMediaTrack> tracks) : IMediaRoom
{
    public string RoomId => "bench";

    public IReadOnlyList<IMediaTrack> Tracks => tracks;

    public event EventHandler<MediaTrackEventArgs>? TrackPublished { add { } remove { } }

    public event EventHandler<MediaTrackEventArgs>? TrackUnpublished { add { } remove { } }

    public event EventHandler<ActiveSpeakersEventArgs>? ActiveSpeakersChanged { add { } remove { } }

    public IMediaPeer CreatePeer(string participantId) => throw new NotSupportedException();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
