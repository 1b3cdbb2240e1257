namespace Convene.Sdp;

/// <summary>The peer's transport parameters from its SDP: ICE credentials, certificate fingerprint, a=setup.</summary>
public sealed record RemoteTransport(string IceUfrag, string IcePwd, SdpFingerprint Fingerprint, SdpSetup Setup);
