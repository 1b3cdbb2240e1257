namespace Convene.Sfu.Transport;

/// <summary>What a datagram on the shared port is, by RFC 7983 first-byte ranges and RFC 5761 for RTCP.</summary>
public enum PacketClass
{
    Unknown,
    Stun,
    Dtls,
    Rtp,
    Rtcp,
}
