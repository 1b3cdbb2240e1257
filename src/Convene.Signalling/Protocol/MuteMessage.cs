namespace Convene.Signalling.Protocol;

internal sealed record MuteMessage(string TrackId, bool Muted) : ClientMessage
{
    public override string? Validate() => string.IsNullOrEmpty(TrackId) ? "'trackId' must not be empty" : null;
}
