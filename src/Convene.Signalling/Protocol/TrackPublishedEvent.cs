namespace Convene.Signalling.Protocol;

internal sealed record TrackPublishedEvent(string ParticipantId, TrackInfo Track) : ServerMessage;
