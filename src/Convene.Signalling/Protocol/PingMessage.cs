namespace Convene.Signalling.Protocol;

internal sealed record PingMessage : ClientMessage;
