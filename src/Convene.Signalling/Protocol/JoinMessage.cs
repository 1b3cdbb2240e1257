namespace Convene.Signalling.Protocol;

internal sealed record JoinMessage(string Token, bool Reconnect = false) : ClientMessage
{
    public override string? Validate() => string.IsNullOrWhiteSpace(Token) ? "'token' must not be empty" : null;
}
