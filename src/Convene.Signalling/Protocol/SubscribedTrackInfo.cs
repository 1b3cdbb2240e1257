namespace Convene.Signalling.Protocol;

internal sealed record SubscribedTrackInfo(string Mid, string TrackId, string ParticipantId, string Kind, string Source);
