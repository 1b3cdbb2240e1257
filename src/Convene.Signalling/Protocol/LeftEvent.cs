namespace Convene.Signalling.Protocol;

internal sealed record LeftEvent(string Reason) : ServerMessage;
