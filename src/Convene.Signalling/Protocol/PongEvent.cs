namespace Convene.Signalling.Protocol;

internal sealed record PongEvent : ServerMessage;
