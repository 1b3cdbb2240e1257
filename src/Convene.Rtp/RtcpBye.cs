using System.Buffers.Binary;

namespace Convene.Rtp;

/// <summary>BYE (PT 203, RFC 3550 §6.6).</summary>
public static class RtcpBye
{
    /// <summary>Reads the i-th SSRC leaving; false when the packet is not a BYE or too short.</summary>
    public static bool TryGetSsrc(RtcpPacket packet, int index, out uint ssrc)
    {
        ssrc = 0;
        if (packet.Type != RtcpPacketType.Bye || (uint)index >= (uint)packet.Count || packet.Body.Length < 4 * (index + 1))
        {
            return false;
        }

        ssrc = BinaryPrimitives.ReadUInt32BigEndian(packet.Body[(4 * index)..]);
        return true;
    }

    public static bool TryWrite(Span<byte> destination, ReadOnlySpan<uint> ssrcs, out int written)
    {
        written = RtcpHeader.Size + (4 * ssrcs.Length);
        if (ssrcs.Length > 31 || destination.Length < written)
        {
            written = 0;
            return false;
        }

        RtcpHeader.Write(destination, ssrcs.Length, RtcpPacketType.Bye, written);
        for (var i = 0; i < ssrcs.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination[(4 + (4 * i))..], ssrcs[i]);
        }

        return true;
    }
}
