using System.Buffers.Binary;

namespace Convene.Rtp;

/// <summary>One RTCP packet inside a compound packet: the header fields and the body after the 4-byte header.</summary>
public readonly ref struct RtcpPacket
{
    public RtcpPacket(RtcpHeader header, ReadOnlySpan<byte> packet)
    {
        Header = header;
        Raw = packet;
    }

    public RtcpHeader Header { get; }

    /// <summary>The whole packet including the header, without trailing padding.</summary>
    public ReadOnlySpan<byte> Raw { get; }

    public ReadOnlySpan<byte> Body => Raw[RtcpHeader.Size..];

    public RtcpPacketType Type => (RtcpPacketType)Header.PacketType;

    /// <summary>Count/FMT field.</summary>
    public int Count => Header.Count;

    /// <summary>The first SSRC after the header (sender SSRC for SR/RR/feedback), 0 when absent.</summary>
    public uint SenderSsrc => Body.Length >= 4 ? BinaryPrimitives.ReadUInt32BigEndian(Body) : 0;
}
