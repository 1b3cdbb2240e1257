using System.Buffers.Binary;

namespace Convene.Srtp;

/// <summary>
/// AEAD_AES_128_GCM (RFC 7714): 12-byte IV = (00 00 || SSRC || ROC || SEQ) XOR salt for SRTP (§8.1) and
/// (00 00 || SSRC || 00 00 || SRTCP index) XOR salt for SRTCP (§9.1); the RTP header / first 8 RTCP bytes plus
/// the E||index word are the associated data; 16-byte tag.
/// </summary>
internal sealed class AesGcmCipher : SrtpCipher
{
    private const int GcmTagLength = 16;

    private readonly GcmTransform _rtp;
    private readonly GcmTransform _rtcp;
    private readonly byte[] _rtpSalt;
    private readonly byte[] _rtcpSalt;

    public AesGcmCipher(SrtpSessionKeys keys)
    {
        _rtp = GcmTransform.Create(keys.RtpKey);
        _rtcp = GcmTransform.Create(keys.RtcpKey);
        _rtpSalt = keys.RtpSalt;
        _rtcpSalt = keys.RtcpSalt;
    }

    public override int TagLength => GcmTagLength;

    public override void ProtectRtp(Span<byte> packet, int headerLength, uint ssrc, long index, Span<byte> tag)
    {
        Span<byte> iv = stackalloc byte[12];
        BuildIv(iv, _rtpSalt, ssrc, index);
        var payload = packet[headerLength..];
        _rtp.Encrypt(iv, payload, tag, packet[..headerLength]);
    }

    public override bool UnprotectRtp(Span<byte> packet, int headerLength, uint ssrc, long index, ReadOnlySpan<byte> tag)
    {
        Span<byte> iv = stackalloc byte[12];
        BuildIv(iv, _rtpSalt, ssrc, index);
        var payload = packet[headerLength..];
        return _rtp.Decrypt(iv, payload, tag, packet[..headerLength]);
    }

    public override int ProtectRtcp(Span<byte> buffer, int length, uint ssrc, uint index)
    {
        Span<byte> iv = stackalloc byte[12];
        BuildIv(iv, _rtcpSalt, ssrc, index);
        uint word = 0x8000_0000u | index;
        Span<byte> aad = stackalloc byte[12];
        buffer[..8].CopyTo(aad);
        BinaryPrimitives.WriteUInt32BigEndian(aad[8..], word);
        var plain = buffer[8..length];
        _rtcp.Encrypt(iv, plain, buffer.Slice(length, GcmTagLength), aad);
        BinaryPrimitives.WriteUInt32BigEndian(buffer[(length + GcmTagLength)..], word);
        return length + GcmTagLength + 4;
    }

    public override int UnprotectRtcp(Span<byte> buffer, int length, uint ssrc, uint index, bool encrypted)
    {
        Span<byte> iv = stackalloc byte[12];
        BuildIv(iv, _rtcpSalt, ssrc, index);
        int tagStart = length - 4 - GcmTagLength;
        var tag = buffer.Slice(tagStart, GcmTagLength);
        bool authentic;
        if (encrypted)
        {
            Span<byte> aad = stackalloc byte[12];
            buffer[..8].CopyTo(aad);
            buffer.Slice(length - 4, 4).CopyTo(aad[8..]);
            authentic = _rtcp.Decrypt(iv, buffer[8..tagStart], tag, aad);
        }
        else
        {
            // E = 0: the whole packet and the E||index word are associated data, nothing is encrypted (§9.2).
            // The word is moved next to the packet so the AAD is contiguous; the tag is copied out first.
            Span<byte> savedTag = stackalloc byte[GcmTagLength];
            tag.CopyTo(savedTag);
            buffer.Slice(length - 4, 4).CopyTo(buffer.Slice(tagStart, 4));
            authentic = _rtcp.Decrypt(iv, [], savedTag, buffer[..(tagStart + 4)]);
        }

        return authentic ? tagStart : -1;
    }

    public override void Dispose()
    {
        _rtp.Dispose();
        _rtcp.Dispose();
    }

    private static void BuildIv(Span<byte> iv, ReadOnlySpan<byte> salt, uint ssrc, long index)
    {
        iv.Clear();
        BinaryPrimitives.WriteUInt32BigEndian(iv[2..], ssrc);
        for (int i = 0; i < 6; i++)
        {
            iv[11 - i] = (byte)(index >> (8 * i));
        }

        for (int i = 0; i < 12; i++)
        {
            iv[i] ^= salt[i];
        }
    }
}
