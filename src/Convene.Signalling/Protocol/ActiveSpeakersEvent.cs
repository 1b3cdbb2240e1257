namespace Convene.Signalling.Protocol;

internal sealed record ActiveSpeakersEvent(IReadOnlyList<SpeakerInfo> Speakers) : ServerMessage;
