namespace Convene.Srtp;

/// <summary>Lengths and overheads per profile.</summary>
public static class SrtpProfileInfo
{
    /// <summary>Master key and master salt lengths in bytes (the halves of the DTLS-SRTP export).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Unknown profile.</exception>
    public static (int KeyLength, int SaltLength) MasterLengths(SrtpProfile profile) => profile switch
    {
        SrtpProfile.Aes128CmHmacSha1_80 => (16, 14),
        SrtpProfile.AeadAes128Gcm => (16, 12),
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "Unsupported SRTP profile."),
    };

    /// <summary>Bytes ProtectRtp appends (the tag).</summary>
    public static int RtpOverhead(SrtpProfile profile) => profile == SrtpProfile.AeadAes128Gcm ? 16 : 10;

    /// <summary>Bytes ProtectRtcp appends (the tag plus the 4-byte E||SRTCP index).</summary>
    public static int RtcpOverhead(SrtpProfile profile) => RtpOverhead(profile) + 4;
}
