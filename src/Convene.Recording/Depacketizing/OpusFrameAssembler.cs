using Convene.Rtp;

namespace Convene.Recording.Depacketizing;

/// <summary>Opus over RTP (RFC 7587): every packet's payload is exactly one Opus packet; clock 48 kHz.</summary>
public sealed class OpusFrameAssembler : IFrameAssembler
{
    private readonly TimestampUnwrapper _timestamps = new();
    private byte[] _buffer = new byte[1500];

    public int ClockRate => 48000;

    public long Dropped { get; private set; }

    public bool NeedsKeyframe => false;

    public bool Push(ReadOnlySpan<byte> rtpPacket, out AssembledFrame frame)
    {
        frame = default;
        var copy = rtpPacket.Length <= 2048 ? stackalloc byte[rtpPacket.Length] : new byte[rtpPacket.Length];
        rtpPacket.CopyTo(copy);
        if (!RtpPacket.TryParse(copy, out var packet) || packet.PayloadLength <= 0)
        {
            Dropped++;
            return false;
        }

        var payload = packet.Payload;
        if (_buffer.Length < payload.Length)
        {
            _buffer = new byte[payload.Length];
        }

        payload.CopyTo(_buffer);
        frame = new AssembledFrame(_buffer.AsMemory(0, payload.Length), _timestamps.Unwrap(packet.Timestamp), true, 0, 0);
        return true;
    }
}
