using System.Buffers.Binary;
using System.Text;

namespace Convene.Rtp;

/// <summary>SDES (PT 202, RFC 3550 §6.5): reads the first CNAME, writes a single-chunk CNAME packet.</summary>
public static class RtcpSourceDescription
{
    public const byte CnameItem = 1;

    /// <summary>Finds the first CNAME item across the packet's chunks.</summary>
    public static bool TryGetCname(RtcpPacket packet, out uint ssrc, out ReadOnlySpan<byte> cname)
    {
        ssrc = 0;
        cname = default;
        if (packet.Type != RtcpPacketType.SourceDescription)
        {
            return false;
        }

        var body = packet.Body;
        var position = 0;
        for (var chunk = 0; chunk < packet.Count; chunk++)
        {
            if (position + 4 > body.Length)
            {
                return false;
            }

            var chunkSsrc = BinaryPrimitives.ReadUInt32BigEndian(body[position..]);
            position += 4;
            while (true)
            {
                if (position >= body.Length)
                {
                    return false;
                }

                var type = body[position];
                if (type == 0)
                {
                    position = (position + 4) & ~3; // end of chunk: skip the null octet(s) to the next word
                    break;
                }

                if (position + 2 > body.Length || position + 2 + body[position + 1] > body.Length)
                {
                    return false;
                }

                var length = body[position + 1];
                if (type == CnameItem)
                {
                    ssrc = chunkSsrc;
                    cname = body.Slice(position + 2, length);
                    return true;
                }

                position += 2 + length;
            }
        }

        return false;
    }

    public static bool TryWriteCname(Span<byte> destination, uint ssrc, string cname, out int written)
    {
        written = 0;
        var byteCount = Encoding.UTF8.GetByteCount(cname);
        if (byteCount > 255)
        {
            return false;
        }

        // header + ssrc + type + len + text + at least one null octet, padded to a word.
        var total = (RtcpHeader.Size + 4 + 2 + byteCount + 1 + 3) & ~3;
        if (destination.Length < total)
        {
            return false;
        }

        destination[..total].Clear();
        RtcpHeader.Write(destination, 1, RtcpPacketType.SourceDescription, total);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ssrc);
        destination[8] = CnameItem;
        destination[9] = (byte)byteCount;
        Encoding.UTF8.GetBytes(cname, destination[10..]);
        written = total;
        return true;
    }
}
