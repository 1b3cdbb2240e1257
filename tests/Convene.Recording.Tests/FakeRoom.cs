using Convene.Sfu.Api;

namespace Convene.Recording.Tests;

internal sealed class FakeRoom(string roomId) : IMediaRoom
{
    private readonly List<IMediaTrack> _tracks = [];

    public string RoomId => roomId;

    public IReadOnlyList<IMediaTrack> Tracks => [.. _tracks];

    public event EventHandler<MediaTrackEventArgs>? TrackPublished;

    public event EventHandler<MediaTrackEventArgs>? TrackUnpublished;

    public event EventHandler<ActiveSpeakersEventArgs>? ActiveSpeakersChanged;

    public IMediaPeer CreatePeer(string participantId) => throw new NotSupportedException();

    public void Publish(IMediaTrack track)
    {
        _tracks.Add(track);
        TrackPublished?.Invoke(this, new MediaTrackEventArgs(track));
    }

    public void Unpublish(IMediaTrack track)
    {
        _tracks.Remove(track);
        TrackUnpublished?.Invoke(this, new MediaTrackEventArgs(track));
        ActiveSpeakersChanged?.Invoke(this, new ActiveSpeakersEventArgs([]));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
