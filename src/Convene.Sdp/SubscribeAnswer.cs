namespace Convene.Sdp;

/// <summary>What a subscriber's answer agreed: its transport parameters and, per mid, the codec and extension ids.</summary>
public sealed record SubscribeAnswer(RemoteTransport Remote, bool LocalIsDtlsClient, IReadOnlyList<NegotiatedMedia> Media);
