namespace Convene.Signalling.Protocol;

internal sealed record TrackUnpublishedEvent(string ParticipantId, string TrackId) : ServerMessage;
