using System.Buffers.Binary;

namespace Convene.Rtp;

/// <summary>Receiver report (PT 201, RFC 3550 §6.4.2).</summary>
public readonly ref struct RtcpReceiverReport
{
    private readonly ReadOnlySpan<byte> _body;

    private RtcpReceiverReport(ReadOnlySpan<byte> body, int reportCount)
    {
        _body = body;
        ReportCount = reportCount;
    }

    public uint Ssrc => BinaryPrimitives.ReadUInt32BigEndian(_body);

    public int ReportCount { get; }

    public ReportBlock GetReportBlock(int index)
    {
        ReportBlock.TryRead(_body[(4 + (index * ReportBlock.Size))..], out var block);
        return block;
    }

    public static bool TryParse(RtcpPacket packet, out RtcpReceiverReport report)
    {
        report = default;
        if (packet.Type != RtcpPacketType.ReceiverReport || packet.Body.Length < 4 + (packet.Count * ReportBlock.Size))
        {
            return false;
        }

        report = new RtcpReceiverReport(packet.Body, packet.Count);
        return true;
    }

    public static bool TryWrite(Span<byte> destination, uint ssrc, ReadOnlySpan<ReportBlock> blocks, out int written)
    {
        written = RtcpHeader.Size + 4 + (blocks.Length * ReportBlock.Size);
        if (blocks.Length > 31 || destination.Length < written)
        {
            written = 0;
            return false;
        }

        RtcpHeader.Write(destination, blocks.Length, RtcpPacketType.ReceiverReport, written);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ssrc);
        for (var i = 0; i < blocks.Length; i++)
        {
            blocks[i].Write(destination[(8 + (i * ReportBlock.Size))..]);
        }

        return true;
    }
}
