namespace Convene.Dtls;

/// <summary>How a DTLS handshake ended.</summary>
public enum DtlsHandshakeStatus
{
    /// <summary>Handshake complete, peer certificate matched the SDP fingerprint, SRTP keys exported.</summary>
    Succeeded,

    /// <summary>The peer's certificate does not match the fingerprint from its SDP.</summary>
    FingerprintMismatch,

    /// <summary>No use_srtp profile in common (or the peer did not negotiate use_srtp / extended master secret).</summary>
    NoCommonProfile,

    /// <summary>The handshake did not complete within the handshake timeout.</summary>
    Timeout,

    /// <summary>The peer sent a fatal alert or the handshake failed for another protocol reason.</summary>
    Failed,

    /// <summary>The transport was disposed or the start token cancelled before completion.</summary>
    Cancelled,
}
