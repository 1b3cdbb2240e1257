namespace Convene.Signalling.Protocol;

internal sealed record PublishAnswerEvent(string Sdp, IReadOnlyList<PublishedTrackInfo> Tracks) : ServerMessage;
