namespace Convene.Signalling.Protocol;

internal sealed record SubscribeAnswerMessage(string Sdp) : ClientMessage
{
    public override string? Validate() => string.IsNullOrWhiteSpace(Sdp) ? "'sdp' must not be empty" : null;
}
