namespace Convene.Signalling.Protocol;

internal sealed record LowerHandMessage(string ParticipantId) : ClientMessage
{
    public override string? Validate() => string.IsNullOrEmpty(ParticipantId) ? "'participantId' must not be empty" : null;
}
