namespace Convene.Signalling.Protocol;

internal sealed record ParticipantLeftEvent(string ParticipantId, string Reason) : ServerMessage;
