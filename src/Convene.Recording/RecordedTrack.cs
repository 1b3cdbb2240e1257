namespace Convene.Recording;

/// <summary>
/// One track's file in a recording and where it sits on the recording's timeline (milliseconds from the start of
/// the recording; null while unknown). Serialised into the recording's <c>.tracks.json</c> manifest.
/// <see cref="ParticipantName"/> is the publisher's display name when the meeting knew it (the composite writes it on
/// the tile of a participant who has no video).
/// </summary>
public sealed record RecordedTrack(
    string TrackId,
    string ParticipantId,
    string Kind,
    string Codec,
    string FileName,
    long? StartOffsetMs,
    long? EndOffsetMs,
    int Width,
    int Height,
    long Frames,
    long Bytes,
    string? ParticipantName = null)
{
    public bool IsVideo => Kind == "video";
}
