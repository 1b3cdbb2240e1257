using System.Buffers.Binary;

namespace Convene.Rtp;

/// <summary>Common layout of RTPFB/PSFB messages (RFC 4585 §6.1): sender SSRC, media SSRC, then the FCI.</summary>
public readonly ref struct RtcpFeedback
{
    private readonly ReadOnlySpan<byte> _body;

    private RtcpFeedback(ReadOnlySpan<byte> body, RtcpPacketType type, int format)
    {
        _body = body;
        Type = type;
        Format = format;
    }

    public RtcpPacketType Type { get; }

    public int Format { get; }

    public uint SenderSsrc => BinaryPrimitives.ReadUInt32BigEndian(_body);

    public uint MediaSsrc => BinaryPrimitives.ReadUInt32BigEndian(_body[4..]);

    public ReadOnlySpan<byte> Fci => _body[8..];

    public bool IsGenericNack => Type == RtcpPacketType.TransportFeedback && Format == RtcpHeader.FmtGenericNack;

    public bool IsPli => Type == RtcpPacketType.PayloadFeedback && Format == RtcpHeader.FmtPli;

    public bool IsFir => Type == RtcpPacketType.PayloadFeedback && Format == RtcpHeader.FmtFir;

    public bool IsApplicationLayer => Type == RtcpPacketType.PayloadFeedback && Format == RtcpHeader.FmtApplicationLayer;

    public static bool TryParse(RtcpPacket packet, out RtcpFeedback feedback)
    {
        feedback = default;
        if ((packet.Type != RtcpPacketType.TransportFeedback && packet.Type != RtcpPacketType.PayloadFeedback)
            || packet.Body.Length < 8)
        {
            return false;
        }

        feedback = new RtcpFeedback(packet.Body, packet.Type, packet.Count);
        return true;
    }

    internal static void WriteHeader(
        Span<byte> destination, RtcpPacketType type, int format, int total, uint senderSsrc, uint mediaSsrc)
    {
        RtcpHeader.Write(destination, format, type, total);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], senderSsrc);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], mediaSsrc);
    }
}
