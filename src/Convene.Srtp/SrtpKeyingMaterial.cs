namespace Convene.Srtp;

/// <summary>
/// The master key and master salt of one SRTP direction, as exported by DTLS-SRTP (RFC 5764 §4.2).
/// Lengths are checked against the profile: 16-byte key, 14-byte salt (AES-CM) or 12-byte salt (GCM).
/// </summary>
public sealed class SrtpKeyingMaterial
{
    /// <summary>Creates keying material; copies the arrays.</summary>
    /// <exception cref="ArgumentException">The key or salt length does not fit the profile.</exception>
    public SrtpKeyingMaterial(SrtpProfile profile, byte[] masterKey, byte[] masterSalt)
    {
        ArgumentNullException.ThrowIfNull(masterKey);
        ArgumentNullException.ThrowIfNull(masterSalt);
        var (keyLength, saltLength) = SrtpProfileInfo.MasterLengths(profile);
        if (masterKey.Length != keyLength)
        {
            throw new ArgumentException($"{profile} needs a {keyLength}-byte master key, got {masterKey.Length}.", nameof(masterKey));
        }

        if (masterSalt.Length != saltLength)
        {
            throw new ArgumentException($"{profile} needs a {saltLength}-byte master salt, got {masterSalt.Length}.", nameof(masterSalt));
        }

        Profile = profile;
        MasterKey = (byte[])masterKey.Clone();
        MasterSalt = (byte[])masterSalt.Clone();
    }

    /// <summary>The protection profile these keys are for.</summary>
    public SrtpProfile Profile { get; }

    /// <summary>The master key (a copy owned by this object).</summary>
    public ReadOnlyMemory<byte> MasterKey { get; }

    /// <summary>The master salt (a copy owned by this object).</summary>
    public ReadOnlyMemory<byte> MasterSalt { get; }
}
