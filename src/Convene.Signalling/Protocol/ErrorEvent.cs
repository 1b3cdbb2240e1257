namespace Convene.Signalling.Protocol;

internal sealed record ErrorEvent(string Code, string Message) : ServerMessage;
