namespace Convene.Signalling.Protocol;

internal sealed record ChatEvent(string Id, string ParticipantId, string Name, string Text, long SentAt) : ServerMessage;
