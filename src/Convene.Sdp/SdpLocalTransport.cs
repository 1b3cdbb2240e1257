namespace Convene.Sdp;

/// <summary>
/// What the SFU puts in every m-section it writes: ICE-lite credentials, the DTLS certificate fingerprint,
/// the connection address/port (c= and m= port) and candidate lines ("candidate:1 1 udp … typ host").
/// </summary>
public sealed record SdpLocalTransport(
    string IceUfrag,
    string IcePwd,
    SdpFingerprint Fingerprint,
    string Address,
    int Port,
    IReadOnlyList<string> Candidates);
