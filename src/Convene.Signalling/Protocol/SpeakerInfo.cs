namespace Convene.Signalling.Protocol;

internal sealed record SpeakerInfo(string ParticipantId, double Level);
