using System.Buffers.Binary;

namespace Convene.Rtp;

/// <summary>
/// Iterates the packets of a (decrypted) compound RTCP datagram. Stops and sets <see cref="Malformed"/> at the first
/// packet whose header is wrong or whose length overruns the datagram. Never throws.
/// </summary>
public ref struct RtcpCompoundEnumerator
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public RtcpCompoundEnumerator(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
        Current = default;
        Malformed = false;
    }

    public RtcpPacket Current { get; private set; }

    public bool Malformed { get; private set; }

    public readonly RtcpCompoundEnumerator GetEnumerator() => this;

    public bool MoveNext()
    {
        if (_position >= _data.Length)
        {
            return false;
        }

        var rest = _data[_position..];
        if (rest.Length < RtcpHeader.Size || (rest[0] & 0xC0) != 0x80 || !RtcpHeader.IsRtcpPacketType(rest[1]))
        {
            return Fail();
        }

        var length = (BinaryPrimitives.ReadUInt16BigEndian(rest[2..]) + 1) * 4;
        if (length > rest.Length)
        {
            return Fail();
        }

        var padding = (rest[0] & 0x20) != 0;
        var packetLength = length;
        if (padding)
        {
            var padCount = rest[length - 1];
            if (padCount == 0 || padCount > length - RtcpHeader.Size)
            {
                return Fail();
            }

            packetLength -= padCount;
        }

        var header = new RtcpHeader(padding, rest[0] & 0x1F, rest[1], packetLength);
        Current = new RtcpPacket(header, rest[..packetLength]);
        _position += length;
        return true;
    }

    private bool Fail()
    {
        Malformed = true;
        _position = _data.Length;
        return false;
    }
}
