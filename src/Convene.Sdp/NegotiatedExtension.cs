namespace Convene.Sdp;

/// <summary>An agreed header extension: its id on this PeerConnection and its URI.</summary>
public sealed record NegotiatedExtension(int Id, string Uri);
