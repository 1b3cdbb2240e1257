using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Convene.Srtp;

/// <summary>
/// AES_CM_128_HMAC_SHA1_80 (RFC 3711 §4.1.1, §4.2): AES counter mode with the keystream made by a reused ECB
/// transform over counter blocks, HMAC-SHA1 truncated to 80 bits through a reused <see cref="IncrementalHash"/>.
/// </summary>
internal sealed class AesCmHmacSha1Cipher : SrtpCipher
{
    private const int Chunk = 1024;
    private const int AuthTagLength = 10;

    private readonly Aes _rtpAes;
    private readonly Aes _rtcpAes;
    private readonly ICryptoTransform _rtpEcb;
    private readonly ICryptoTransform _rtcpEcb;
    private readonly IncrementalHash _rtpMac;
    private readonly IncrementalHash _rtcpMac;
    private readonly byte[] _rtpSalt;
    private readonly byte[] _rtcpSalt;
    private readonly byte[] _counters = new byte[Chunk];
    private readonly byte[] _keystream = new byte[Chunk];

    public AesCmHmacSha1Cipher(SrtpSessionKeys keys)
    {
        _rtpAes = CreateEcb(keys.RtpKey);
        _rtcpAes = CreateEcb(keys.RtcpKey);
        _rtpEcb = _rtpAes.CreateEncryptor();
        _rtcpEcb = _rtcpAes.CreateEncryptor();
        _rtpMac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA1, keys.RtpAuthKey);
        _rtcpMac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA1, keys.RtcpAuthKey);
        _rtpSalt = keys.RtpSalt;
        _rtcpSalt = keys.RtcpSalt;
    }

    public override int TagLength => AuthTagLength;

    public override void ProtectRtp(Span<byte> packet, int headerLength, uint ssrc, long index, Span<byte> tag)
    {
        Span<byte> iv = stackalloc byte[16];
        BuildIv(iv, _rtpSalt, ssrc, index);
        XorKeystream(_rtpEcb, iv, packet[headerLength..]);
        RtpMac(packet, (uint)(index >> 16), tag);
    }

    public override bool UnprotectRtp(Span<byte> packet, int headerLength, uint ssrc, long index, ReadOnlySpan<byte> tag)
    {
        Span<byte> mac = stackalloc byte[AuthTagLength];
        RtpMac(packet, (uint)(index >> 16), mac);
        if (!CryptographicOperations.FixedTimeEquals(mac, tag))
        {
            return false;
        }

        Span<byte> iv = stackalloc byte[16];
        BuildIv(iv, _rtpSalt, ssrc, index);
        XorKeystream(_rtpEcb, iv, packet[headerLength..]);
        return true;
    }

    public override int ProtectRtcp(Span<byte> buffer, int length, uint ssrc, uint index)
    {
        Span<byte> iv = stackalloc byte[16];
        BuildIv(iv, _rtcpSalt, ssrc, index);
        XorKeystream(_rtcpEcb, iv, buffer[8..length]);
        BinaryPrimitives.WriteUInt32BigEndian(buffer[length..], 0x8000_0000u | index);
        int authenticated = length + 4;
        RtcpMac(buffer[..authenticated], buffer.Slice(authenticated, AuthTagLength));
        return authenticated + AuthTagLength;
    }

    public override int UnprotectRtcp(Span<byte> buffer, int length, uint ssrc, uint index, bool encrypted)
    {
        int authenticated = length - AuthTagLength;
        Span<byte> mac = stackalloc byte[AuthTagLength];
        RtcpMac(buffer[..authenticated], mac);
        if (!CryptographicOperations.FixedTimeEquals(mac, buffer.Slice(authenticated, AuthTagLength)))
        {
            return -1;
        }

        int plainLength = authenticated - 4;
        if (encrypted)
        {
            Span<byte> iv = stackalloc byte[16];
            BuildIv(iv, _rtcpSalt, ssrc, index);
            XorKeystream(_rtcpEcb, iv, buffer[8..plainLength]);
        }

        return plainLength;
    }

    public override void Dispose()
    {
        _rtpEcb.Dispose();
        _rtcpEcb.Dispose();
        _rtpAes.Dispose();
        _rtcpAes.Dispose();
        _rtpMac.Dispose();
        _rtcpMac.Dispose();
    }

    private static Aes CreateEcb(byte[] key)
    {
        var aes = Aes.Create();
        aes.Key = key;
        aes.Mode = CipherMode.ECB;
        aes.Padding = PaddingMode.None;
        return aes;
    }

    /// <summary>IV = (salt · 2^16) XOR (SSRC · 2^64) XOR (index · 2^16), 16 bytes with the block counter in the last two.</summary>
    private static void BuildIv(Span<byte> iv, ReadOnlySpan<byte> salt, uint ssrc, long index)
    {
        iv.Clear();
        salt.CopyTo(iv);
        iv[4] ^= (byte)(ssrc >> 24);
        iv[5] ^= (byte)(ssrc >> 16);
        iv[6] ^= (byte)(ssrc >> 8);
        iv[7] ^= (byte)ssrc;
        for (int i = 0; i < 6; i++)
        {
            iv[13 - i] ^= (byte)(index >> (8 * i));
        }
    }

    private void XorKeystream(ICryptoTransform ecb, ReadOnlySpan<byte> iv, Span<byte> data)
    {
        int block = 0;
        for (int offset = 0; offset < data.Length; offset += Chunk)
        {
            int n = Math.Min(Chunk, data.Length - offset);
            int blocks = (n + 15) / 16;
            for (int b = 0; b < blocks; b++, block++)
            {
                var counter = _counters.AsSpan(b * 16, 16);
                iv.CopyTo(counter);
                BinaryPrimitives.WriteUInt16BigEndian(counter[14..], (ushort)block);
            }

            ecb.TransformBlock(_counters, 0, blocks * 16, _keystream, 0);
            Xor(data.Slice(offset, n), _keystream.AsSpan(0, n));
        }
    }

    private static void Xor(Span<byte> data, ReadOnlySpan<byte> keystream)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var dataVectors = MemoryMarshal.Cast<byte, Vector<byte>>(data);
            var keyVectors = MemoryMarshal.Cast<byte, Vector<byte>>(keystream);
            for (int v = 0; v < dataVectors.Length; v++)
            {
                dataVectors[v] ^= keyVectors[v];
            }

            i = dataVectors.Length * Vector<byte>.Count;
        }

        for (; i < data.Length; i++)
        {
            data[i] ^= keystream[i];
        }
    }

    private void RtpMac(ReadOnlySpan<byte> authenticated, uint roc, Span<byte> tag)
    {
        Span<byte> rocBytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(rocBytes, roc);
        _rtpMac.AppendData(authenticated);
        _rtpMac.AppendData(rocBytes);
        Span<byte> full = stackalloc byte[20];
        _rtpMac.GetHashAndReset(full);
        full[..AuthTagLength].CopyTo(tag);
    }

    private void RtcpMac(ReadOnlySpan<byte> authenticated, Span<byte> tag)
    {
        _rtcpMac.AppendData(authenticated);
        Span<byte> full = stackalloc byte[20];
        _rtcpMac.GetHashAndReset(full);
        full[..AuthTagLength].CopyTo(tag);
    }
}
