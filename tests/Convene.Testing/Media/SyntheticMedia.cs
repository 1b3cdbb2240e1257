using System.Buffers.Binary;
using Convene.Rtp;

namespace Convene.Testing.Media;

/// <summary>
/// Synthetic RTP streams as Chromium would send them: Opus (PT 111, audio level + mid extensions, 20 ms frames) and
/// VP8 (PT 96, mid extension, one packet per frame with a VP8 payload descriptor, keyframes with the real frame
/// tag and start code). The last four payload bytes carry the sender's frame index, so a receiver can tell which
/// frames arrived whatever the SFU did to sequence numbers and SSRCs.
/// </summary>
public static class SyntheticMedia
{
    public const byte OpusPayloadType = 111;
    public const byte Vp8PayloadType = 96;
    public const byte Vp8RtxPayloadType = 97;
    public const int AudioLevelExtensionId = 1;
    public const int MidExtensionId = 4;

    /// <summary>Writes one Opus packet; returns its length.</summary>
    public static int WriteOpus(Span<byte> destination, ushort seq, uint timestamp, uint ssrc, string mid, uint stamp, byte levelDbov = 30)
    {
        Span<byte> extensions = stackalloc byte[32];
        var n = WriteExtensions(extensions, mid, levelDbov);
        Span<byte> payload = stackalloc byte[40];
        payload[0] = 0xFC; // TOC: CELT FB 20 ms, one frame
        for (var i = 1; i < payload.Length - 4; i++)
        {
            payload[i] = (byte)(stamp + i);
        }

        BinaryPrimitives.WriteUInt32BigEndian(payload[^4..], stamp);
        return RtpPacketWriter.TryWrite(destination, OpusPayloadType, seq, timestamp, ssrc, false, extensions[..n], payload, out var written) ? written : 0;
    }

    /// <summary>Writes one VP8 packet carrying a whole (small) frame; returns its length.</summary>
    public static int WriteVp8(Span<byte> destination, ushort seq, uint timestamp, uint ssrc, string mid, uint stamp, bool keyframe, int payloadSize = 200)
    {
        Span<byte> extensions = stackalloc byte[32];
        var n = WriteExtensions(extensions, mid, null);
        payloadSize = Math.Clamp(payloadSize, 20, 1100);
        Span<byte> payload = stackalloc byte[payloadSize];
        payload[0] = 0x10; // payload descriptor: S=1, partition 0, no extensions
        var frameSize = payloadSize - 4;
        payload[1] = (byte)((keyframe ? 0x10 : 0x11) | ((frameSize & 0x7) << 5)); // show_frame, P = inter frame
        payload[2] = (byte)(frameSize >> 3);
        payload[3] = (byte)(frameSize >> 11);
        var offset = 4;
        if (keyframe)
        {
            ReadOnlySpan<byte> startCodeAndSize = [0x9D, 0x01, 0x2A, 0x80, 0x02, 0xE0, 0x01]; // 640x480
            startCodeAndSize.CopyTo(payload[offset..]);
            offset += startCodeAndSize.Length;
        }

        for (var i = offset; i < payload.Length - 4; i++)
        {
            payload[i] = (byte)(stamp * 7 + i);
        }

        BinaryPrimitives.WriteUInt32BigEndian(payload[^4..], stamp);
        return RtpPacketWriter.TryWrite(destination, Vp8PayloadType, seq, timestamp, ssrc, true, extensions[..n], payload, out var written) ? written : 0;
    }

    private static int WriteExtensions(Span<byte> destination, string mid, byte? levelDbov)
    {
        var n = 0;
        if (levelDbov is { } level && RtpPacketWriter.TryWriteOneByteExtension(destination, AudioLevelExtensionId, [(byte)(0x80 | level)], out var w1))
        {
            n += w1;
        }

        Span<byte> midBytes = stackalloc byte[mid.Length];
        for (var i = 0; i < mid.Length; i++)
        {
            midBytes[i] = (byte)mid[i];
        }

        if (RtpPacketWriter.TryWriteOneByteExtension(destination[n..], MidExtensionId, midBytes, out var w2))
        {
            n += w2;
        }

        return n;
    }
}
