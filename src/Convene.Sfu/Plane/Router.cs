using System.Collections.Concurrent;
using Convene.Sfu.Api;
using Convene.Sfu.Media;

namespace Convene.Sfu.Plane;

/// <summary>
/// A room's media plane: its peers and their producers. Closing it closes every peer exactly once (and through
/// them their transports, producers and consumers). Active speakers are evaluated on the worker tick.
/// </summary>
internal sealed class Router : IMediaRoom
{
    private readonly ConcurrentDictionary<string, MediaPeer> _peers = new(StringComparer.Ordinal);
    private readonly ActiveSpeakerDetector _speakers;
    private readonly Action _tick;
    private int _closed;

    public Router(MediaPlane plane, string roomId)
    {
        Plane = plane;
        RoomId = roomId;
        _speakers = new ActiveSpeakerDetector(plane.Time);
        _tick = EvaluateSpeakers;
        plane.Worker.AddTickHook(_tick);
    }

    public string RoomId { get; }

    public MediaPlane Plane { get; }

    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    public IReadOnlyList<IMediaTrack> Tracks => _peers.Values.SelectMany(p => p.PublishedTracks).ToList();

    public event EventHandler<MediaTrackEventArgs>? TrackPublished;

    public event EventHandler<MediaTrackEventArgs>? TrackUnpublished;

    public event EventHandler<ActiveSpeakersEventArgs>? ActiveSpeakersChanged;

    public IMediaPeer CreatePeer(string participantId)
    {
        if (IsClosed)
        {
            throw new InvalidOperationException($"Media room {RoomId} is closed.");
        }

        var peer = new MediaPeer(this, participantId);
        if (!_peers.TryAdd(participantId, peer))
        {
            throw new InvalidOperationException($"Participant {participantId} already has a media peer in room {RoomId}.");
        }

        return peer;
    }

    internal void OnTrackPublished(Producer producer)
    {
        producer.AudioLevelObserved = (p, level) => _speakers.OnAudioLevel(p.ParticipantId, level);
        TrackPublished?.Invoke(this, new MediaTrackEventArgs(producer));
    }

    internal void OnTrackUnpublished(Producer producer) => TrackUnpublished?.Invoke(this, new MediaTrackEventArgs(producer));

    internal void OnPeerClosed(MediaPeer peer)
    {
        _peers.TryRemove(new KeyValuePair<string, MediaPeer>(peer.ParticipantId, peer));
        Plane.Worker.Post(() => _speakers.Remove(peer.ParticipantId));
    }

    private void EvaluateSpeakers()
    {
        var result = _speakers.Evaluate();
        if (result is not null)
        {
            ActiveSpeakersChanged?.Invoke(this, new ActiveSpeakersEventArgs(result.Select(s => new SpeakerLevel(s.ParticipantId, s.Level)).ToList()));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        Plane.Worker.RemoveTickHook(_tick);
        foreach (var peer in _peers.Values)
        {
            await peer.DisposeAsync();
        }

        Plane.RoomClosed(this);
    }

}
