using Convene.Rtp;
using Convene.Sfu.Api;

namespace Convene.Sfu.Media;

/// <summary>
/// One outgoing copy of a producer towards one subscriber (or a local sink): rewrites SSRC, payload type,
/// extension ids, sequence numbers and timestamps, keeps a send ring to answer NACKs, waits for a keyframe on start
/// and after a resume, and writes sender reports. Packet methods run on the worker thread only; Pause/Resume/Close
/// may come from any thread (they only flip flags the worker reads).
/// </summary>
internal sealed class Consumer
{
    private readonly IMediaSender _sender;
    private readonly SfuCounterSet _counters;
    private readonly TimeProvider _time;
    private readonly RtpMunger _munger;
    private readonly RetransmissionRing _ring = new(512);
    private readonly byte[] _extensionMap;
    private IConsumerListener? _listener;
    private volatile bool _paused;
    private volatile bool _needResync;
    private int _closed;
    private bool _needKeyframe;
    private uint _packetsSent;
    private uint _octetsSent;

    public Consumer(
        Producer producer,
        uint ssrc,
        byte payloadType,
        ReadOnlySpan<byte> extensionMap,
        IMediaSender sender,
        IConsumerListener? listener,
        SfuCounterSet counters,
        TimeProvider time,
        Random random)
    {
        ArgumentNullException.ThrowIfNull(producer);
        ArgumentNullException.ThrowIfNull(random);
        Producer = producer;
        Ssrc = ssrc;
        PayloadType = payloadType;
        _extensionMap = extensionMap.ToArray();
        _sender = sender;
        _listener = listener;
        _counters = counters;
        _time = time;
        _munger = new RtpMunger((ushort)random.Next(0, 0x8000), (uint)random.Next(), producer.Codec.ClockRate);
        _needKeyframe = producer.Codec.IsVideo;
        counters.ConsumerOpened();
    }

    public Producer Producer { get; }

    public uint Ssrc { get; }

    public byte PayloadType { get; }

    public bool Paused => _paused;

    public bool Closed => Volatile.Read(ref _closed) != 0;

    public long PacketsSent => _packetsSent;

    public void Pause() => _paused = true;

    public void Resume()
    {
        if (_paused)
        {
            _needResync = true;
            _paused = false;
            Producer.RequestKeyframe();
        }
    }

    /// <summary>Forwards one plaintext packet of the producer. <paramref name="scratch"/> is the worker's egress buffer.</summary>
    public void Forward(ReadOnlySpan<byte> packet, bool isKeyframe, Span<byte> scratch, in WorkerClock clock)
    {
        if (Closed)
        {
            return;
        }

        if (_paused)
        {
            _counters.Drop(DropReason.ConsumerPaused);
            return;
        }

        if (_needResync)
        {
            _needResync = false;
            _munger.Resync();
            _needKeyframe = Producer.Codec.IsVideo;
        }

        if (_needKeyframe)
        {
            if (!isKeyframe)
            {
                _counters.Drop(DropReason.ConsumerWaitingForKeyframe);
                Producer.RequestKeyframe();
                return;
            }

            _needKeyframe = false;
            _munger.Resync();
        }

        if (packet.Length > RetransmissionRing.MaxPacketSize || scratch.Length < packet.Length + 32)
        {
            _counters.Drop(DropReason.RtpMalformed);
            return;
        }

        packet.CopyTo(scratch);
        var length = packet.Length;
        if (!RtpPacket.TryParse(scratch[..length], out var rtp))
        {
            _counters.Drop(DropReason.RtpMalformed);
            return;
        }

        if (!_munger.TryMunge(ref rtp, clock.Ticks, clock.TicksPerSecond))
        {
            _counters.Drop(DropReason.ConsumerTooOld);
            return;
        }

        rtp.Ssrc = Ssrc;
        rtp.PayloadType = PayloadType;
        rtp.TryRewriteExtensionIds(_extensionMap);
        _ring.Store(rtp.SequenceNumber, scratch[..length], clock.Ticks);
        _packetsSent++;
        _octetsSent += (uint)rtp.PayloadLength;
        if (_sender.SendRtp(scratch, length))
        {
            _counters.RtpForwarded();
        }
    }

    /// <summary>Answers a subscriber NACK from the send ring.</summary>
    public void OnNack(ReadOnlySpan<ushort> lost, Span<byte> scratch)
    {
        _counters.NackReceived();
        foreach (var seq in lost)
        {
            if (!_ring.TryGet(seq, out var stored, out _))
            {
                _counters.Drop(DropReason.NackNotInRing);
                continue;
            }

            stored.CopyTo(scratch);
            if (_sender.SendRtp(scratch, stored.Length))
            {
                _counters.RetransmissionSent();
            }
        }
    }

    /// <summary>The subscriber asked for a keyframe (PLI/FIR): relay to the publisher, throttled there.</summary>
    public void OnKeyframeRequest()
    {
        _counters.KeyframeRequestReceived();
        Producer.RequestKeyframe();
    }

    /// <summary>Writes an RTCP SR (+ SDES CNAME) for this stream; 0 when nothing was sent yet.</summary>
    public int WriteSenderReport(Span<byte> destination, string cname, in WorkerClock clock)
    {
        if (!_munger.Started || Closed)
        {
            return 0;
        }

        var now = _time.GetUtcNow();
        var ntp = ToNtp(now);
        if (!RtcpSenderReport.TryWrite(destination, Ssrc, ntp, _munger.LastTimestamp, _packetsSent, _octetsSent, [], out var n1)
            || !RtcpSourceDescription.TryWriteCname(destination[n1..], Ssrc, cname, out var n2))
        {
            return 0;
        }

        return n1 + n2;
    }

    /// <summary>Closes because the producer went away; tells the owner.</summary>
    public void ProducerClosed()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        _counters.ConsumerClosed();
        Interlocked.Exchange(ref _listener, null)?.OnConsumerClosed(this);
    }

    /// <summary>Closes because the owner (transport/peer) closed or unsubscribed; detaches from the producer only.</summary>
    public void Close()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        _counters.ConsumerClosed();
        _listener = null;
        Producer.RemoveConsumer(this);
    }

    internal static ulong ToNtp(DateTimeOffset time)
    {
        var sinceNtpEpoch = time - new DateTimeOffset(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var seconds = (ulong)sinceNtpEpoch.Ticks / TimeSpan.TicksPerSecond;
        var fraction = (ulong)(sinceNtpEpoch.Ticks % TimeSpan.TicksPerSecond) * (1UL << 32) / TimeSpan.TicksPerSecond;
        return (seconds << 32) | fraction;
    }

    internal MediaKind Kind => Producer.Codec.Kind;
}
