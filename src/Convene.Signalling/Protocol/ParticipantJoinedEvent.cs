namespace Convene.Signalling.Protocol;

internal sealed record ParticipantJoinedEvent(ParticipantInfo Participant) : ServerMessage;
