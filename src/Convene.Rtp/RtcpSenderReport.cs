using System.Buffers.Binary;

namespace Convene.Rtp;

/// <summary>Sender report (PT 200, RFC 3550 §6.4.1).</summary>
public readonly ref struct RtcpSenderReport
{
    private const int SenderInfoLength = 24;
    private readonly ReadOnlySpan<byte> _body;

    private RtcpSenderReport(ReadOnlySpan<byte> body, int reportCount)
    {
        _body = body;
        ReportCount = reportCount;
    }

    public uint Ssrc => BinaryPrimitives.ReadUInt32BigEndian(_body);

    /// <summary>64-bit NTP timestamp (seconds in the high word, fraction in the low word).</summary>
    public ulong NtpTimestamp => BinaryPrimitives.ReadUInt64BigEndian(_body[4..]);

    public uint RtpTimestamp => BinaryPrimitives.ReadUInt32BigEndian(_body[12..]);

    public uint PacketCount => BinaryPrimitives.ReadUInt32BigEndian(_body[16..]);

    public uint OctetCount => BinaryPrimitives.ReadUInt32BigEndian(_body[20..]);

    public int ReportCount { get; }

    public ReportBlock GetReportBlock(int index)
    {
        ReportBlock.TryRead(_body[(SenderInfoLength + (index * ReportBlock.Size))..], out var block);
        return block;
    }

    public static bool TryParse(RtcpPacket packet, out RtcpSenderReport report)
    {
        report = default;
        if (packet.Type != RtcpPacketType.SenderReport
            || packet.Body.Length < SenderInfoLength + (packet.Count * ReportBlock.Size))
        {
            return false;
        }

        report = new RtcpSenderReport(packet.Body, packet.Count);
        return true;
    }

    public static bool TryWrite(
        Span<byte> destination,
        uint ssrc,
        ulong ntpTimestamp,
        uint rtpTimestamp,
        uint packetCount,
        uint octetCount,
        ReadOnlySpan<ReportBlock> blocks,
        out int written)
    {
        written = RtcpHeader.Size + SenderInfoLength + (blocks.Length * ReportBlock.Size);
        if (blocks.Length > 31 || destination.Length < written)
        {
            written = 0;
            return false;
        }

        RtcpHeader.Write(destination, blocks.Length, RtcpPacketType.SenderReport, written);
        var body = destination[RtcpHeader.Size..];
        BinaryPrimitives.WriteUInt32BigEndian(body, ssrc);
        BinaryPrimitives.WriteUInt64BigEndian(body[4..], ntpTimestamp);
        BinaryPrimitives.WriteUInt32BigEndian(body[12..], rtpTimestamp);
        BinaryPrimitives.WriteUInt32BigEndian(body[16..], packetCount);
        BinaryPrimitives.WriteUInt32BigEndian(body[20..], octetCount);
        for (var i = 0; i < blocks.Length; i++)
        {
            blocks[i].Write(body[(SenderInfoLength + (i * ReportBlock.Size))..]);
        }

        return true;
    }
}
