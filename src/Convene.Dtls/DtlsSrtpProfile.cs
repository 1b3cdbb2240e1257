namespace Convene.Dtls;

/// <summary>
/// use_srtp protection profiles this library negotiates (RFC 5764 §4.1.2, RFC 7714 §14.2). The values are the IANA ids
/// and equal <c>Convene.Srtp.SrtpProfile</c>'s, so <c>(SrtpProfile)(int)profile</c> converts; the protocol libraries
/// do not reference each other.
/// </summary>
public enum DtlsSrtpProfile
{
    /// <summary>SRTP_AES128_CM_HMAC_SHA1_80: 16-byte master key, 14-byte master salt.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1707", Justification = "Mirrors the IANA profile name.")]
    Aes128CmHmacSha1_80 = 0x0001,

    /// <summary>SRTP_AEAD_AES_128_GCM: 16-byte master key, 12-byte master salt.</summary>
    AeadAes128Gcm = 0x0007,
}
