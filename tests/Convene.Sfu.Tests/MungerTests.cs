using Convene.Rtp;
using Convene.Sfu.Media;

namespace Convene.Sfu.Tests;

public sealed class MungerTests
{
    private static (ushort Seq, uint Ts) Munge(RtpMunger munger, ushort seq, uint ts, long ticks, out bool forwarded)
    {
        var bytes = Packets.Rtp(96, seq, ts, 1, [1]);
        Assert.True(RtpPacket.TryParse(bytes, out var p));
        forwarded = munger.TryMunge(ref p, ticks, 1000);
        return (p.SequenceNumber, p.Timestamp);
    }

    [Fact]
    public void Continuity_across_a_source_change_and_pause()
    {
        var m = new RtpMunger(65534, 1000, 90000);
        Assert.Equal((65534, 1000u), Munge(m, 500, 7777, 0, out _));
        Assert.Equal((65535, 4000u), Munge(m, 501, 10777, 33, out _));
        Assert.Equal((0, 7000u), Munge(m, 502, 13777, 66, out _));

        // Source changes to a stream with unrelated numbers, 1 s later.
        m.Resync();
        var (seq, ts) = Munge(m, 40000, 123, 1066, out var ok);
        Assert.True(ok);
        Assert.Equal(1, seq);
        Assert.Equal(7000u + 90000u, ts);
        Assert.Equal((2, 7000u + 90000u + 3000u), Munge(m, 40001, 3123, 1099, out _));
    }

    [Fact]
    public void Packets_from_before_a_resync_are_dropped_and_reordering_keeps_mapping()
    {
        var m = new RtpMunger(10, 0, 48000);
        Munge(m, 100, 0, 0, out _);
        Munge(m, 102, 1920, 40, out _);
        Assert.Equal((11, 960u), Munge(m, 101, 960, 41, out var late)); // reordered, same offset
        Assert.True(late);
        Assert.Equal(12, m.LastSequence);
        m.Resync();
        Munge(m, 200, 5000, 100, out _);
        Munge(m, 199, 4040, 101, out var stale);
        Assert.False(stale);
    }
}
