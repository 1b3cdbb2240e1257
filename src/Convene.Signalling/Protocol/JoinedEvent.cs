namespace Convene.Signalling.Protocol;

internal sealed record JoinedEvent(
    ParticipantInfo Self,
    IReadOnlyList<ParticipantInfo> Participants,
    RoomInfo Room,
    MeetingInfo Meeting,
    long DepartureTimeoutMs) : ServerMessage;
