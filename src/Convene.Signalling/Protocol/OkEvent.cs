namespace Convene.Signalling.Protocol;

internal sealed record OkEvent : ServerMessage;
