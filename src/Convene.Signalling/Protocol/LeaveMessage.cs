namespace Convene.Signalling.Protocol;

internal sealed record LeaveMessage : ClientMessage;
