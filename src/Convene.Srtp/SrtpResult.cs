namespace Convene.Srtp;

/// <summary>Outcome of one SRTP/SRTCP operation. Everything but <see cref="Ok"/> means "drop and count".</summary>
public enum SrtpResult
{
    /// <summary>The packet was protected or verified and decrypted.</summary>
    Ok,

    /// <summary>Not a well-formed RTP/RTCP packet for this operation (too short, bad version, bad header length).</summary>
    Malformed,

    /// <summary>The authentication tag did not verify; no state changed.</summary>
    AuthenticationFailed,

    /// <summary>The packet index was already seen or is older than the replay window.</summary>
    ReplayDetected,

    /// <summary>The buffer has no room for the tag / SRTCP trailer.</summary>
    BufferTooSmall,

    /// <summary>A new SSRC was seen while the context already tracks its maximum number of streams.</summary>
    StreamLimitReached,
}
