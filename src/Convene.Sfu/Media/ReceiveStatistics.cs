using Convene.Rtp;

namespace Convene.Sfu.Media;

/// <summary>
/// RFC 3550 Appendix A.3/A.8 receive statistics of one incoming stream, producing RR report blocks.
/// Worker-thread only.
/// </summary>
internal sealed class ReceiveStatistics(uint ssrc, int clockRate)
{
    private readonly SeqNoUnwrapper _unwrapper = new();
    private long _baseIndex = -1;
    private long _received;
    private long _expectedPrior;
    private long _receivedPrior;
    private double _jitter;
    private long _lastTransit;
    private bool _haveTransit;
    private uint _lastSrMiddle;
    private long _lastSrArrivalTicks = -1;

    public uint Ssrc { get; } = ssrc;

    public long PacketsReceived => _received;

    public long BytesReceived { get; private set; }

    public void OnPacket(ushort sequenceNumber, uint rtpTimestamp, int length, long nowTicks, long ticksPerSecond)
    {
        var index = _unwrapper.Unwrap(sequenceNumber);
        if (_baseIndex < 0)
        {
            _baseIndex = index;
        }

        _received++;
        BytesReceived += length;

        var arrival = (long)((double)nowTicks / ticksPerSecond * clockRate);
        var transit = arrival - rtpTimestamp;
        if (_haveTransit)
        {
            var d = Math.Abs(transit - _lastTransit);
            _jitter += (d - _jitter) / 16.0;
        }

        _lastTransit = transit;
        _haveTransit = true;
    }

    /// <summary>Remembers the middle 32 bits of the publisher's last SR NTP time (for LSR/DLSR).</summary>
    public void OnSenderReport(ulong ntpTimestamp, long nowTicks)
    {
        _lastSrMiddle = (uint)(ntpTimestamp >> 16);
        _lastSrArrivalTicks = nowTicks;
    }

    public bool TryCreateReportBlock(long nowTicks, long ticksPerSecond, out ReportBlock block)
    {
        if (_baseIndex < 0)
        {
            block = default;
            return false;
        }

        var highest = _unwrapper.Highest;
        var expected = highest - _baseIndex + 1;
        var lost = expected - _received;
        var expectedInterval = expected - _expectedPrior;
        var receivedInterval = _received - _receivedPrior;
        _expectedPrior = expected;
        _receivedPrior = _received;
        var lostInterval = expectedInterval - receivedInterval;
        var fraction = expectedInterval == 0 || lostInterval <= 0 ? 0 : (byte)Math.Min(255, (lostInterval << 8) / expectedInterval);
        uint dlsr = 0;
        if (_lastSrArrivalTicks >= 0)
        {
            dlsr = (uint)((double)(nowTicks - _lastSrArrivalTicks) / ticksPerSecond * 65536);
        }

        block = new ReportBlock(
            Ssrc,
            (byte)fraction,
            (int)Math.Clamp(lost, -0x80_0000, 0x7F_FFFF),
            (uint)(highest - 65536),
            (uint)_jitter,
            _lastSrMiddle,
            dlsr);
        return true;
    }
}
