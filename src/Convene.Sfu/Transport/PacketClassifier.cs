namespace Convene.Sfu.Transport;

/// <summary>RFC 7983 demultiplexing by the first byte (then RFC 5761 RTP/RTCP by the second byte).</summary>
public static class PacketClassifier
{
    public static PacketClass Classify(ReadOnlySpan<byte> datagram)
    {
        if (datagram.Length < 4)
        {
            return PacketClass.Unknown;
        }

        var first = datagram[0];
        return first switch
        {
            <= 3 => datagram.Length >= 20 ? PacketClass.Stun : PacketClass.Unknown,
            >= 20 and <= 63 => datagram.Length >= 13 ? PacketClass.Dtls : PacketClass.Unknown,
            >= 128 and <= 191 when datagram.Length >= 8 && datagram[1] is >= 192 and <= 223 => PacketClass.Rtcp,
            >= 128 and <= 191 when datagram.Length >= 12 => PacketClass.Rtp,
            _ => PacketClass.Unknown,
        };
    }
}
