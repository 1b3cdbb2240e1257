namespace Convene.Signalling.Protocol;

internal sealed record ParticipantInfo(
    string ParticipantId,
    string Name,
    string Role,
    long JoinedAt,
    long? HandRaisedAt,
    bool IsOriginalModerator,
    IReadOnlyList<TrackInfo> Tracks);
