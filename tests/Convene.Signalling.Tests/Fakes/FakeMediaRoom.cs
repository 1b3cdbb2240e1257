using Convene.Sfu.Api;

namespace Convene.Signalling.Tests.Fakes;

public sealed class FakeMediaRoom(string roomId) : IMediaRoom
{
    private readonly object _lock = new();
    private int _trackSeq;

    public string RoomId { get; } = roomId;

    public Dictionary<string, FakeMediaPeer> Peers { get; } = [];

    public bool Disposed { get; private set; }

    public IReadOnlyList<IMediaTrack> Tracks
    {
        get
        {
            lock (_lock)
            {
                return [.. Peers.Values.SelectMany(p => p.PublishedTracks)];
            }
        }
    }

    public event EventHandler<MediaTrackEventArgs>? TrackPublished;

    public event EventHandler<MediaTrackEventArgs>? TrackUnpublished;

    public event EventHandler<ActiveSpeakersEventArgs>? ActiveSpeakersChanged;

    public IMediaPeer CreatePeer(string participantId)
    {
        lock (_lock)
        {
            if (Disposed || Peers.ContainsKey(participantId))
            {
                throw new InvalidOperationException($"peer {participantId} exists or room closed");
            }

            var peer = new FakeMediaPeer(participantId, this);
            Peers[participantId] = peer;
            return peer;
        }
    }

    internal string NextTrackId()
    {
        var n = Interlocked.Increment(ref _trackSeq);
        return "TR_" + n.ToString("D12", System.Globalization.CultureInfo.InvariantCulture);
    }

    internal void PeerClosed(FakeMediaPeer peer)
    {
        lock (_lock)
        {
            if (Peers.TryGetValue(peer.ParticipantId, out var current) && current == peer)
            {
                Peers.Remove(peer.ParticipantId);
            }
        }

        foreach (var track in peer.PublishedTracks)
        {
            TrackUnpublished?.Invoke(this, new MediaTrackEventArgs(track));
        }
    }

    internal void Published(IMediaTrack track) => TrackPublished?.Invoke(this, new MediaTrackEventArgs(track));

    public void RaiseActiveSpeakers(params SpeakerLevel[] speakers) => ActiveSpeakersChanged?.Invoke(this, new ActiveSpeakersEventArgs(speakers));

    public bool HasActiveSpeakerListeners => ActiveSpeakersChanged is not null;

    public async ValueTask DisposeAsync()
    {
        List<FakeMediaPeer> peers;
        lock (_lock)
        {
            Disposed = true;
            peers = [.. Peers.Values];
        }

        foreach (var peer in peers)
        {
            await peer.DisposeAsync();
        }
    }
}
