using System.Buffers.Binary;

namespace Convene.Rtp;

/// <summary>Full Intra Request (PSFB FMT 4, RFC 5104 §4.3.1): FCI entries of SSRC + command sequence number.</summary>
public static class RtcpFir
{
    public const int Length = 20;

    /// <summary>Reads the FCI entry at <paramref name="index"/>.</summary>
    public static bool TryGetEntry(RtcpFeedback fir, int index, out uint ssrc, out byte sequenceNumber)
    {
        ssrc = 0;
        sequenceNumber = 0;
        var offset = 8 * index;
        if (!fir.IsFir || index < 0 || offset + 8 > fir.Fci.Length)
        {
            return false;
        }

        ssrc = BinaryPrimitives.ReadUInt32BigEndian(fir.Fci[offset..]);
        sequenceNumber = fir.Fci[offset + 4];
        return true;
    }

    public static bool TryWrite(Span<byte> destination, uint senderSsrc, uint mediaSsrc, byte sequenceNumber, out int written)
    {
        written = 0;
        if (destination.Length < Length)
        {
            return false;
        }

        // RFC 5104: the media source SSRC field is 0; the target is in the FCI.
        RtcpFeedback.WriteHeader(destination, RtcpPacketType.PayloadFeedback, RtcpHeader.FmtFir, Length, senderSsrc, 0);
        BinaryPrimitives.WriteUInt32BigEndian(destination[12..], mediaSsrc);
        destination[16] = sequenceNumber;
        destination[17] = 0;
        destination[18] = 0;
        destination[19] = 0;
        written = Length;
        return true;
    }
}
