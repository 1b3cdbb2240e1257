using System.Buffers;
using System.Buffers.Binary;
using Convene.Rtp;

namespace Convene.Recording.Depacketizing;

/// <summary>
/// VP8 over RTP (RFC 7741): a frame starts with a packet whose descriptor has S=1 and partition index 0, continues
/// with consecutive sequence numbers of the same timestamp and ends at the marker bit. A gap discards the frame and
/// every following inter frame until a keyframe (decoding them would show corruption).
/// </summary>
public sealed class Vp8FrameAssembler : IFrameAssembler
{
    private readonly ArrayBufferWriter<byte> _frame = new(64 * 1024);
    private readonly TimestampUnwrapper _timestamps = new();
    private bool _building;
    private bool _haveSeq;
    private bool _keyframe;
    private uint _timestamp;
    private ushort _nextSeq;
    private int _width;
    private int _height;

    public int ClockRate => 90000;

    public long Dropped { get; private set; }

    public bool NeedsKeyframe { get; private set; } = true;

    public bool Push(ReadOnlySpan<byte> rtpPacket, out AssembledFrame frame)
    {
        frame = default;
        var copy = rtpPacket.Length <= 2048 ? stackalloc byte[rtpPacket.Length] : new byte[rtpPacket.Length];
        rtpPacket.CopyTo(copy);
        if (!RtpPacket.TryParse(copy, out var packet) || !Vp8Descriptor.TryRead(packet.Payload, out var descriptor)
            || descriptor.DescriptorLength >= packet.PayloadLength)
        {
            Dropped++;
            return false;
        }

        var payload = packet.Payload;
        var vp8 = payload[descriptor.DescriptorLength..];
        var seq = packet.SequenceNumber;
        var timestamp = packet.Timestamp;
        if (_haveSeq && (short)(seq - _nextSeq) is < 0 and > -1000)
        {
            Dropped++; // a duplicate or a late packet of a frame already emitted or abandoned: ignore, no loss
            return false;
        }

        var unwrapped = _timestamps.Unwrap(timestamp);

        if (descriptor.StartOfPartition && descriptor.PartitionIndex == 0)
        {
            if (_building)
            {
                Dropped++; // previous frame never saw its marker
            }

            if (_haveSeq && seq != _nextSeq)
            {
                NeedsKeyframe = true; // whole packets (maybe whole frames) were lost in between
            }

            _frame.ResetWrittenCount();
            _building = true;
            _timestamp = timestamp;
            _keyframe = (vp8[0] & 0x01) == 0;
            if (_keyframe && vp8.Length >= 10 && vp8[3] == 0x9D && vp8[4] == 0x01 && vp8[5] == 0x2A)
            {
                _width = BinaryPrimitives.ReadUInt16LittleEndian(vp8[6..]) & 0x3FFF;
                _height = BinaryPrimitives.ReadUInt16LittleEndian(vp8[8..]) & 0x3FFF;
            }
        }
        else if (!_building || seq != _nextSeq || timestamp != _timestamp)
        {
            _building = false;
            NeedsKeyframe = true;
            _haveSeq = true;
            _nextSeq = (ushort)(seq + 1);
            Dropped++;
            return false;
        }

        _frame.Write(vp8);
        _haveSeq = true;
        _nextSeq = (ushort)(seq + 1);
        if (!packet.Marker)
        {
            return false;
        }

        _building = false;
        if (NeedsKeyframe && !_keyframe)
        {
            Dropped++;
            return false;
        }

        NeedsKeyframe = false;
        frame = new AssembledFrame(_frame.WrittenMemory, unwrapped, _keyframe, _width, _height);
        return true;
    }
}
