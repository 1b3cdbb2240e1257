using System.Collections.Immutable;
using Convene.Rtp;
using Convene.Sfu.Api;

namespace Convene.Sfu.Media;

/// <summary>
/// One incoming track of a publisher: receive statistics, NACKs towards the publisher for gaps, RTX unwrapping,
/// keyframe-request throttling (≥ 500 ms), and the fan-out to its consumers and local sinks. The consumer and sink
/// lists are immutable snapshots swapped by control threads and read without locks by the worker.
/// </summary>
internal sealed partial class Producer : IMediaTrack
{
    private readonly SfuCounterSet _counters;
    private readonly TimeProvider _time;
    private readonly KeyframeRequestThrottle _keyframeThrottle;
    private readonly NackGenerator _nacks = new();
    private readonly object _gate = new();
    private ImmutableArray<Consumer> _consumers = [];
    private ImmutableArray<IRtpSink> _sinks = [];
    private IProducerListener? _listener;
    private ReceiveStatistics? _stats;
    private volatile bool _keyframeRequested;
    private volatile bool _muted;
    private volatile bool _closed;
    private long _lastReportTicks;
    private readonly uint _rtcpSenderSsrc;

    public Producer(
        string trackId,
        string participantId,
        string mid,
        TrackSource source,
        MediaCodec codec,
        uint? ssrc,
        uint? rtxSsrc,
        int audioLevelExtensionId,
        IMediaSender sender,
        IProducerListener? listener,
        uint rtcpSenderSsrc,
        SfuCounterSet counters,
        TimeProvider time)
    {
        TrackId = trackId;
        ParticipantId = participantId;
        Mid = mid;
        Source = source;
        Codec = codec;
        Ssrc = ssrc ?? 0;
        RtxSsrc = rtxSsrc ?? 0;
        AudioLevelExtensionId = audioLevelExtensionId;
        Sender = sender;
        _listener = listener;
        _rtcpSenderSsrc = rtcpSenderSsrc;
        _counters = counters;
        _time = time;
        _keyframeThrottle = new KeyframeRequestThrottle(time);
        counters.ProducerOpened();
    }

    public string TrackId { get; }

    public string ParticipantId { get; }

    public string Mid { get; }

    public TrackSource Source { get; }

    public MediaCodec Codec { get; }

    public MediaKind Kind => Codec.Kind;

    public string CodecName => Codec.Name;

    /// <summary>Media SSRC; 0 until learnt from the first packet carrying our mid (offers without a=ssrc).</summary>
    public uint Ssrc { get; internal set; }

    public uint RtxSsrc { get; internal set; }

    public int AudioLevelExtensionId { get; }

    public IMediaSender Sender { get; }

    public bool Muted => _muted;

    public bool Closed => _closed;

    public ImmutableArray<Consumer> Consumers => _consumers;

    public long PacketsReceived => _stats?.PacketsReceived ?? 0;

    /// <summary>Raised on the worker for each audio level (participant id, level); used for active speakers.</summary>
    public Action<Producer, AudioLevel>? AudioLevelObserved { get; set; }

    public void SetMuted(bool muted)
    {
        _muted = muted;
        foreach (var consumer in _consumers)
        {
            if (muted)
            {
                consumer.Pause();
            }
            else
            {
                consumer.Resume();
            }
        }
    }

    public void AddConsumer(Consumer consumer)
    {
        lock (_gate)
        {
            if (_closed)
            {
                consumer.ProducerClosed();
                return;
            }

            if (_muted)
            {
                consumer.Pause();
            }

            _consumers = _consumers.Add(consumer);
        }

        RequestKeyframe();
    }

    public void RemoveConsumer(Consumer consumer)
    {
        lock (_gate)
        {
            _consumers = _consumers.Remove(consumer);
        }
    }

    public IDisposable AttachLocalConsumer(IRtpSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            _sinks = _sinks.Add(sink);
        }

        RequestKeyframe();
        return new SinkAttachment(this, sink);
    }

    /// <summary>Asks for a keyframe; the worker sends a PLI on its next tick if the throttle allows.</summary>
    public void RequestKeyframe()
    {
        if (Codec.IsVideo)
        {
            _keyframeRequested = true;
        }
    }

    /// <summary>Worker: one decrypted packet of this producer (media SSRC, or RTX SSRC → unwrapped here).</summary>
    public void OnRtp(Span<byte> packet, Span<byte> scratch, in WorkerClock clock)
    {
        if (_closed)
        {
            return;
        }

        var offset = 0;
        if (RtxSsrc != 0 && packet.Length >= 12 && System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(packet[8..]) == RtxSsrc)
        {
            if (!RtxUnwrapper.TryUnwrap(packet, Codec.PayloadType, Ssrc, out offset))
            {
                return; // padding-only probe
            }
        }

        var plain = packet[offset..];
        if (!RtpPacket.TryParse(plain, out var rtp))
        {
            _counters.Drop(DropReason.RtpMalformed);
            return;
        }

        _stats ??= new ReceiveStatistics(rtp.Ssrc, Codec.ClockRate);
        _stats.OnPacket(rtp.SequenceNumber, rtp.Timestamp, plain.Length, clock.Ticks, clock.TicksPerSecond);
        if (Codec.IsVideo && _nacks.OnPacket(rtp.SequenceNumber, clock.Ticks))
        {
            _counters.Recovered(1);
        }

        if (AudioLevelExtensionId != 0 && rtp.TryGetExtension(AudioLevelExtensionId, out var levelBytes)
            && AudioLevel.TryRead(levelBytes, out var level))
        {
            AudioLevelObserved?.Invoke(this, level);
        }

        var isKeyframe = Codec.IsKeyframe(rtp.Payload);
        foreach (var sink in _sinks)
        {
            sink.OnRtp(plain);
        }

        foreach (var consumer in _consumers)
        {
            consumer.Forward(plain, isKeyframe, scratch, clock);
        }
    }

    /// <summary>Worker: the publisher's SR (for LSR/DLSR in our receiver reports).</summary>
    public void OnSenderReport(ulong ntpTimestamp, in WorkerClock clock) => _stats?.OnSenderReport(ntpTimestamp, clock.Ticks);

    /// <summary>Worker: periodic duties — throttled PLI, NACKs for gaps, a receiver report every second.</summary>
    public void OnTick(Span<byte> scratch, in WorkerClock clock)
    {
        if (_closed)
        {
            return;
        }

        if (_keyframeRequested && Ssrc != 0)
        {
            _keyframeRequested = false;
            if (_keyframeThrottle.TryAcquire() && RtcpPli.TryWrite(scratch, _rtcpSenderSsrc, Ssrc, out var n))
            {
                _counters.KeyframeRequestSent();
                Sender.SendRtcp(scratch, n);
            }
            else
            {
                _counters.Drop(DropReason.KeyframeRequestThrottled);
            }
        }

        if (Codec.IsVideo && _nacks.MissingCount > 0)
        {
            Span<ushort> lost = stackalloc ushort[64];
            var count = _nacks.Collect(clock.Ticks, clock.TicksPerSecond, lost);
            if (count > 0 && RtcpNack.TryWrite(scratch, _rtcpSenderSsrc, Ssrc, lost[..count], out var n))
            {
                _counters.NackSent();
                Sender.SendRtcp(scratch, n);
            }
        }

        if (_stats is not null && clock.Ticks - _lastReportTicks >= clock.TicksPerSecond)
        {
            _lastReportTicks = clock.Ticks;
            if (_stats.TryCreateReportBlock(clock.Ticks, clock.TicksPerSecond, out var block)
                && RtcpReceiverReport.TryWrite(scratch, _rtcpSenderSsrc, [block], out var n))
            {
                Sender.SendRtcp(scratch, n);
            }
        }
    }

    /// <summary>Closes the producer and, through <see cref="Consumer.ProducerClosed"/>, every consumer. Idempotent.</summary>
    public void Close()
    {
        ImmutableArray<Consumer> consumers;
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            _closed = true;
            _counters.ProducerClosed();
            consumers = _consumers;
            _consumers = [];
            _sinks = [];
        }

        foreach (var consumer in consumers)
        {
            consumer.ProducerClosed();
        }

        Interlocked.Exchange(ref _listener, null)?.OnProducerClosed(this);
    }

    /// <summary>Closed by the owner: same cascade, without notifying the owner back.</summary>
    public void ParentClosed()
    {
        _listener = null;
        Close();
    }

    private void DetachSink(IRtpSink sink)
    {
        lock (_gate)
        {
            _sinks = _sinks.Remove(sink);
        }
    }

    private sealed class SinkAttachment(Producer producer, IRtpSink sink) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                producer.DetachSink(sink);
            }
        }
    }
}
