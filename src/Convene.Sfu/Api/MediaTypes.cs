namespace Convene.Sfu.Api;

public enum MediaKind
{
    Audio,
    Video,
}

public enum TrackSource
{
    Camera,
    Microphone,
    ScreenShare,
    ScreenShareAudio,
}

public enum MediaConnectionState
{
    New,
    Connecting,
    Connected,
    Disconnected,
    Failed,
    Closed,
}

/// <summary>One m-section of a publish offer that carries a track.</summary>
public sealed record PublishedTrackRequest(string Mid, TrackSource Source, bool Muted = false);

/// <summary>A track as published through one m-section.</summary>
public sealed record PublishedTrack(string Mid, IMediaTrack Track);

/// <summary>Outcome of a publish offer.</summary>
public sealed record PublishResult(bool Succeeded, string? SdpAnswer, IReadOnlyList<PublishedTrack> Tracks, string? Error)
{
    public static PublishResult Fail(string error) => new(false, null, [], error);
}

/// <summary>Outcome of applying an answer.</summary>
public sealed record NegotiationResult(bool Succeeded, string? Error)
{
    public static readonly NegotiationResult Ok = new(true, null);

    public static NegotiationResult Fail(string error) => new(false, error);
}

/// <summary>A subscribe offer and which remote track each sendonly mid carries.</summary>
public sealed record SubscribeOffer(string Sdp, IReadOnlyList<SubscribedTrack> Tracks);

public sealed record SubscribedTrack(string Mid, string TrackId, string ParticipantId, MediaKind Kind, TrackSource Source);

public sealed class MediaTrackEventArgs(IMediaTrack track) : EventArgs
{
    public IMediaTrack Track { get; } = track;
}

public sealed record SpeakerLevel(string ParticipantId, double Level);

public sealed class ActiveSpeakersEventArgs(IReadOnlyList<SpeakerLevel> speakers) : EventArgs
{
    /// <summary>Loudest first; empty when nobody speaks.</summary>
    public IReadOnlyList<SpeakerLevel> Speakers { get; } = speakers;
}
