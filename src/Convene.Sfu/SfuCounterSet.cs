namespace Convene.Sfu;

/// <summary>The live counters. Written mostly by the media worker; Interlocked so control threads may count too.</summary>
internal sealed class SfuCounterSet
{
    private readonly long[] _drops = new long[Enum.GetValues<DropReason>().Length];
    private long _datagramsReceived;
    private long _datagramsSent;
    private long _rtpForwarded;
    private long _rtcpReceived;
    private long _nacksReceived;
    private long _retransmissionsSent;
    private long _nacksSent;
    private long _keyframeRequestsSent;
    private long _keyframeRequestsReceived;
    private long _recoveredByNack;
    private long _liveProducers;
    private long _liveConsumers;

    public void Drop(DropReason reason) => Interlocked.Increment(ref _drops[(int)reason]);

    public void DatagramReceived() => Interlocked.Increment(ref _datagramsReceived);

    public void DatagramSent() => Interlocked.Increment(ref _datagramsSent);

    public void RtpForwarded() => Interlocked.Increment(ref _rtpForwarded);

    public void RtcpReceived() => Interlocked.Increment(ref _rtcpReceived);

    public void NackReceived() => Interlocked.Increment(ref _nacksReceived);

    public void RetransmissionSent() => Interlocked.Increment(ref _retransmissionsSent);

    public void NackSent() => Interlocked.Increment(ref _nacksSent);

    public void KeyframeRequestSent() => Interlocked.Increment(ref _keyframeRequestsSent);

    public void KeyframeRequestReceived() => Interlocked.Increment(ref _keyframeRequestsReceived);

    public void Recovered(int count) => Interlocked.Add(ref _recoveredByNack, count);

    /// <summary>Producers created and not yet closed (the leak check of the component tests).</summary>
    public long LiveProducers => Interlocked.Read(ref _liveProducers);

    /// <summary>Consumers created and not yet closed.</summary>
    public long LiveConsumers => Interlocked.Read(ref _liveConsumers);

    public void ProducerOpened() => Interlocked.Increment(ref _liveProducers);

    public void ProducerClosed() => Interlocked.Decrement(ref _liveProducers);

    public void ConsumerOpened() => Interlocked.Increment(ref _liveConsumers);

    public void ConsumerClosed() => Interlocked.Decrement(ref _liveConsumers);

    public SfuCounters Snapshot() => new(
        Interlocked.Read(ref _datagramsReceived),
        Interlocked.Read(ref _datagramsSent),
        Interlocked.Read(ref _rtpForwarded),
        Interlocked.Read(ref _rtcpReceived),
        Interlocked.Read(ref _nacksReceived),
        Interlocked.Read(ref _retransmissionsSent),
        Interlocked.Read(ref _nacksSent),
        Interlocked.Read(ref _keyframeRequestsSent),
        Interlocked.Read(ref _keyframeRequestsReceived),
        Interlocked.Read(ref _recoveredByNack),
        SfuCounters.FreezeDrops(_drops));
}
