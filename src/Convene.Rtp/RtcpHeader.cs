using System.Buffers.Binary;

namespace Convene.Rtp;

/// <summary>The 4-byte common RTCP header plus helpers to write it.</summary>
public readonly record struct RtcpHeader(bool Padding, int Count, byte PacketType, int LengthInBytes)
{
    public const int Size = 4;

    /// <summary>Feedback message types (FMT in the count field).</summary>
    public const int FmtGenericNack = 1;
    public const int FmtPli = 1;
    public const int FmtFir = 4;
    public const int FmtApplicationLayer = 15;

    /// <summary>RFC 5761 §4: RTCP packet types occupy 192..223 in the second byte.</summary>
    public static bool IsRtcpPacketType(byte secondByte) => secondByte is >= 192 and <= 223;

    /// <summary>True when the datagram's second byte marks RTCP (RFC 5761 demultiplexing).</summary>
    public static bool LooksLikeRtcp(ReadOnlySpan<byte> datagram) =>
        datagram.Length >= 8 && (datagram[0] & 0xC0) == 0x80 && IsRtcpPacketType(datagram[1]);

    internal static void Write(Span<byte> destination, int count, RtcpPacketType type, int totalLength)
    {
        destination[0] = (byte)(0x80 | (count & 0x1F));
        destination[1] = (byte)type;
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)((totalLength / 4) - 1));
    }
}
