using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Convene.Srtp;

/// <summary>
/// The SRTP key derivation function (RFC 3711 §4.3.1 and §4.3.3) with key_derivation_rate 0:
/// x = (label || r) XOR master_salt with r = 0, output = AES-CM(master_key, x · 2^16).
/// RFC 7714 §11 reuses it for GCM with the 96-bit master salt left-aligned in the 112-bit field.
/// </summary>
internal static class SrtpKeyDerivation
{
    internal const byte LabelRtpEncryption = 0;
    internal const byte LabelRtpAuthentication = 1;
    internal const byte LabelRtpSalt = 2;
    internal const byte LabelRtcpEncryption = 3;
    internal const byte LabelRtcpAuthentication = 4;
    internal const byte LabelRtcpSalt = 5;

    public static SrtpSessionKeys Derive(SrtpKeyingMaterial material)
    {
        ArgumentNullException.ThrowIfNull(material);
        var key = material.MasterKey.Span;
        var salt = material.MasterSalt.Span;
        int saltLength = material.MasterSalt.Length;
        int authLength = material.Profile == SrtpProfile.AeadAes128Gcm ? 0 : 20;
        return new SrtpSessionKeys(
            Derive(key, salt, LabelRtpEncryption, 16),
            Derive(key, salt, LabelRtpAuthentication, authLength),
            Derive(key, salt, LabelRtpSalt, saltLength),
            Derive(key, salt, LabelRtcpEncryption, 16),
            Derive(key, salt, LabelRtcpAuthentication, authLength),
            Derive(key, salt, LabelRtcpSalt, saltLength));
    }

    public static byte[] Derive(ReadOnlySpan<byte> masterKey, ReadOnlySpan<byte> masterSalt, byte label, int length)
    {
        if (length == 0)
        {
            return [];
        }

        if (masterSalt.Length > 14)
        {
            throw new ArgumentException("The master salt is at most 14 bytes.", nameof(masterSalt));
        }

        Span<byte> iv = stackalloc byte[16];
        iv.Clear();
        masterSalt.CopyTo(iv);
        iv[7] ^= label;
        int blocks = (length + 15) / 16;
        var counters = new byte[blocks * 16];
        for (int b = 0; b < blocks; b++)
        {
            var block = counters.AsSpan(b * 16, 16);
            iv.CopyTo(block);
            BinaryPrimitives.WriteUInt16BigEndian(block[14..], (ushort)b);
        }

        using var aes = Aes.Create();
        aes.Key = masterKey.ToArray();
        var stream = aes.EncryptEcb(counters, PaddingMode.None);
        var result = stream.AsSpan(0, length).ToArray();
        CryptographicOperations.ZeroMemory(stream);
        return result;
    }
}
