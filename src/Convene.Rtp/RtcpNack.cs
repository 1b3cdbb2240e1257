using System.Buffers.Binary;

namespace Convene.Rtp;

/// <summary>Generic NACK (RTPFB FMT 1, RFC 4585 §6.2.1): PID + 16-bit bitmask of following lost packets.</summary>
public static class RtcpNack
{
    /// <summary>
    /// Expands the NACK items into lost sequence numbers. Returns how many were written to
    /// <paramref name="destination"/> (stops when it is full).
    /// </summary>
    public static int GetLostSequenceNumbers(RtcpFeedback nack, Span<ushort> destination)
    {
        if (!nack.IsGenericNack)
        {
            return 0;
        }

        var fci = nack.Fci;
        var count = 0;
        for (var offset = 0; offset + 4 <= fci.Length; offset += 4)
        {
            var pid = BinaryPrimitives.ReadUInt16BigEndian(fci[offset..]);
            var blp = BinaryPrimitives.ReadUInt16BigEndian(fci[(offset + 2)..]);
            if (count >= destination.Length)
            {
                return count;
            }

            destination[count++] = pid;
            for (var bit = 0; bit < 16; bit++)
            {
                if ((blp & (1 << bit)) == 0)
                {
                    continue;
                }

                if (count >= destination.Length)
                {
                    return count;
                }

                destination[count++] = (ushort)(pid + bit + 1);
            }
        }

        return count;
    }

    /// <summary>
    /// Writes a NACK for <paramref name="lost"/> (in ascending wraparound order), packing each run of up to 17
    /// numbers into one PID+BLP item.
    /// </summary>
    public static bool TryWrite(
        Span<byte> destination, uint senderSsrc, uint mediaSsrc, ReadOnlySpan<ushort> lost, out int written)
    {
        written = 0;
        if (lost.IsEmpty)
        {
            return false;
        }

        var items = 0;
        var position = 12;
        var i = 0;
        while (i < lost.Length)
        {
            if (position + 4 > destination.Length)
            {
                return false;
            }

            var pid = lost[i++];
            ushort blp = 0;
            while (i < lost.Length)
            {
                var delta = (ushort)(lost[i] - pid);
                if (delta == 0)
                {
                    i++;
                    continue;
                }

                if (delta > 16)
                {
                    break;
                }

                blp |= (ushort)(1 << (delta - 1));
                i++;
            }

            BinaryPrimitives.WriteUInt16BigEndian(destination[position..], pid);
            BinaryPrimitives.WriteUInt16BigEndian(destination[(position + 2)..], blp);
            position += 4;
            items++;
        }

        RtcpFeedback.WriteHeader(destination, RtcpPacketType.TransportFeedback, RtcpHeader.FmtGenericNack, position, senderSsrc, mediaSsrc);
        written = position;
        return items > 0;
    }
}
