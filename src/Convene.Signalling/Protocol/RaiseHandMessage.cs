namespace Convene.Signalling.Protocol;

internal sealed record RaiseHandMessage(bool Raised) : ClientMessage;
