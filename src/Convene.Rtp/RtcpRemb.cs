using System.Buffers.Binary;

namespace Convene.Rtp;

/// <summary>
/// Receiver Estimated Max Bitrate (PSFB FMT 15 with the "REMB" identifier, draft-alvestrand-rmcat-remb):
/// num SSRC (8 bits), exponent (6 bits), mantissa (18 bits), then the SSRCs.
/// </summary>
public static class RtcpRemb
{
    private const uint Identifier = 0x52454D42; // "REMB"

    public static bool TryRead(RtcpFeedback feedback, out ulong bitrate, out int ssrcCount)
    {
        bitrate = 0;
        ssrcCount = 0;
        var fci = feedback.Fci;
        if (!feedback.IsApplicationLayer || fci.Length < 8 || BinaryPrimitives.ReadUInt32BigEndian(fci) != Identifier)
        {
            return false;
        }

        var word = BinaryPrimitives.ReadUInt32BigEndian(fci[4..]);
        ssrcCount = (int)(word >> 24);
        if (fci.Length < 8 + (4 * ssrcCount))
        {
            ssrcCount = 0;
            return false;
        }

        var exponent = (int)((word >> 18) & 0x3F);
        ulong mantissa = word & 0x3FFFF;
        bitrate = exponent > 46 ? ulong.MaxValue : mantissa << exponent;
        return true;
    }

    public static bool TryWrite(Span<byte> destination, uint senderSsrc, ulong bitrate, ReadOnlySpan<uint> ssrcs, out int written)
    {
        written = 20 + (4 * ssrcs.Length);
        if (ssrcs.Length > 255 || destination.Length < written)
        {
            written = 0;
            return false;
        }

        var exponent = 0;
        while ((bitrate >> exponent) > 0x3FFFF)
        {
            exponent++;
        }

        RtcpFeedback.WriteHeader(destination, RtcpPacketType.PayloadFeedback, RtcpHeader.FmtApplicationLayer, written, senderSsrc, 0);
        BinaryPrimitives.WriteUInt32BigEndian(destination[12..], Identifier);
        var mantissa = (uint)(bitrate >> exponent);
        BinaryPrimitives.WriteUInt32BigEndian(destination[16..], ((uint)ssrcs.Length << 24) | ((uint)exponent << 18) | mantissa);
        for (var i = 0; i < ssrcs.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination[(20 + (4 * i))..], ssrcs[i]);
        }

        return true;
    }
}
