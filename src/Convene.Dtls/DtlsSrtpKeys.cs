namespace Convene.Dtls;

/// <summary>One direction's SRTP master key and master salt from the DTLS-SRTP exporter (RFC 5764 §4.2).</summary>
public sealed record DtlsSrtpKeys(DtlsSrtpProfile Profile, ReadOnlyMemory<byte> MasterKey, ReadOnlyMemory<byte> MasterSalt)
{
    /// <summary>Master key and salt lengths of a profile.</summary>
    public static (int KeyLength, int SaltLength) Lengths(DtlsSrtpProfile profile) => profile switch
    {
        DtlsSrtpProfile.Aes128CmHmacSha1_80 => (16, 14),
        DtlsSrtpProfile.AeadAes128Gcm => (16, 12),
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "Unsupported SRTP profile."),
    };
}
