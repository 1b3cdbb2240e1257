using System.Buffers.Binary;

namespace Convene.Rtp;

/// <summary>One reception report block of an SR or RR (RFC 3550 §6.4.1).</summary>
public readonly record struct ReportBlock(
    uint Ssrc,
    byte FractionLost,
    int CumulativeLost,
    uint ExtendedHighestSequence,
    uint Jitter,
    uint LastSenderReport,
    uint DelaySinceLastSenderReport)
{
    public const int Size = 24;

    public static bool TryRead(ReadOnlySpan<byte> source, out ReportBlock block)
    {
        if (source.Length < Size)
        {
            block = default;
            return false;
        }

        var lostField = BinaryPrimitives.ReadUInt32BigEndian(source[4..]);
        var cumulative = (int)(lostField & 0x00FF_FFFF);
        if ((cumulative & 0x0080_0000) != 0)
        {
            cumulative -= 0x0100_0000; // 24-bit two's complement
        }

        block = new ReportBlock(
            BinaryPrimitives.ReadUInt32BigEndian(source),
            (byte)(lostField >> 24),
            cumulative,
            BinaryPrimitives.ReadUInt32BigEndian(source[8..]),
            BinaryPrimitives.ReadUInt32BigEndian(source[12..]),
            BinaryPrimitives.ReadUInt32BigEndian(source[16..]),
            BinaryPrimitives.ReadUInt32BigEndian(source[20..]));
        return true;
    }

    public void Write(Span<byte> destination)
    {
        var cumulative = Math.Clamp(CumulativeLost, -0x80_0000, 0x7F_FFFF) & 0x00FF_FFFF;
        BinaryPrimitives.WriteUInt32BigEndian(destination, Ssrc);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ((uint)FractionLost << 24) | (uint)cumulative);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], ExtendedHighestSequence);
        BinaryPrimitives.WriteUInt32BigEndian(destination[12..], Jitter);
        BinaryPrimitives.WriteUInt32BigEndian(destination[16..], LastSenderReport);
        BinaryPrimitives.WriteUInt32BigEndian(destination[20..], DelaySinceLastSenderReport);
    }
}
