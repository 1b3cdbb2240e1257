namespace Convene.Signalling.Protocol;

internal sealed record SubscribeOfferEvent(string Sdp, IReadOnlyList<SubscribedTrackInfo> Tracks) : ServerMessage;
