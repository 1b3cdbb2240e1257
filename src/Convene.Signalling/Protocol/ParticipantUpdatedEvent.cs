namespace Convene.Signalling.Protocol;

internal sealed record ParticipantUpdatedEvent(ParticipantInfo Participant) : ServerMessage;
