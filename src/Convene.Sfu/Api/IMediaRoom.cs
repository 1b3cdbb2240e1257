namespace Convene.Sfu.Api;

/// <summary>
/// One meeting's media: its peers and the tracks they publish. Closing the room closes every peer
/// (and through them every track) exactly once.
/// </summary>
public interface IMediaRoom : IAsyncDisposable
{
    string RoomId { get; }

    /// <summary>Creates the media endpoint of one participant (its publisher and subscriber peer connections).</summary>
    /// <exception cref="InvalidOperationException">A peer with this id exists, or the room is closed.</exception>
    IMediaPeer CreatePeer(string participantId);

    /// <summary>Every track currently published in the room.</summary>
    IReadOnlyList<IMediaTrack> Tracks { get; }

    /// <summary>Raised (on a worker thread) when a track is published or unpublished by any peer.</summary>
    event EventHandler<MediaTrackEventArgs>? TrackPublished;

    /// <inheritdoc cref="TrackPublished"/>
    event EventHandler<MediaTrackEventArgs>? TrackUnpublished;

    /// <summary>Raised at most 4 times a second while the set of loudest participants changes (RFC 6464 levels).</summary>
    event EventHandler<ActiveSpeakersEventArgs>? ActiveSpeakersChanged;
}
