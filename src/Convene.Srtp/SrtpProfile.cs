namespace Convene.Srtp;

/// <summary>SRTP protection profiles, valued as their DTLS use_srtp identifiers (RFC 5764 §4.1.2, RFC 7714 §14.2).</summary>
public enum SrtpProfile
{
    /// <summary>SRTP_AES128_CM_HMAC_SHA1_80: 16-byte key, 14-byte salt, 10-byte HMAC-SHA1 tag.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1707", Justification = "Mirrors the IANA profile name.")]
    Aes128CmHmacSha1_80 = 0x0001,

    /// <summary>SRTP_AEAD_AES_128_GCM: 16-byte key, 12-byte salt, 16-byte GCM tag.</summary>
    AeadAes128Gcm = 0x0007,
}
