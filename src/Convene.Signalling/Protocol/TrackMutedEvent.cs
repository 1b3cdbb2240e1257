namespace Convene.Signalling.Protocol;

internal sealed record TrackMutedEvent(string ParticipantId, string TrackId, bool Muted) : ServerMessage;
