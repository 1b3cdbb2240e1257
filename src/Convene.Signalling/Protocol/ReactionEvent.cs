namespace Convene.Signalling.Protocol;

internal sealed record ReactionEvent(string ParticipantId, string Emoji) : ServerMessage;
