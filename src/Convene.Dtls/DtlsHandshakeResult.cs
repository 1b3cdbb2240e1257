namespace Convene.Dtls;

/// <summary>
/// Outcome of a DTLS-SRTP handshake. On success carries the negotiated profile and the RFC 5764 §4.2 split of the
/// exported keying material: the DTLS client protects with <see cref="ClientWriteKeys"/>, the server with
/// <see cref="ServerWriteKeys"/>; <see cref="LocalWriteKeys"/>/<see cref="RemoteWriteKeys"/> pick them for this side
/// (an SRTP context for sending from LocalWriteKeys, for receiving from RemoteWriteKeys:
/// <c>new SrtpContext(new SrtpKeyingMaterial((SrtpProfile)(int)k.Profile, k.MasterKey.ToArray(), k.MasterSalt.ToArray()))</c>).
/// </summary>
public sealed record DtlsHandshakeResult(
    DtlsHandshakeStatus Status,
    bool IsClient,
    DtlsSrtpProfile? Profile,
    DtlsSrtpKeys? ClientWriteKeys,
    DtlsSrtpKeys? ServerWriteKeys,
    string? RemoteFingerprint,
    int CipherSuite,
    string? Error)
{
    /// <summary>True when <see cref="Status"/> is <see cref="DtlsHandshakeStatus.Succeeded"/>.</summary>
    public bool Succeeded => Status == DtlsHandshakeStatus.Succeeded;

    /// <summary>Keys this side protects outgoing SRTP/SRTCP with.</summary>
    public DtlsSrtpKeys? LocalWriteKeys => IsClient ? ClientWriteKeys : ServerWriteKeys;

    /// <summary>Keys this side unprotects incoming SRTP/SRTCP with.</summary>
    public DtlsSrtpKeys? RemoteWriteKeys => IsClient ? ServerWriteKeys : ClientWriteKeys;

    internal static DtlsHandshakeResult Failure(DtlsHandshakeStatus status, bool isClient, string error, string? remoteFingerprint = null) =>
        new(status, isClient, null, null, null, remoteFingerprint, 0, error);
}
