using Convene.Sfu.Media;

namespace Convene.Sfu.Tests;

public sealed class NackGeneratorTests
{
    private const long Tps = 1000;

    [Fact]
    public void Gaps_across_wrap_are_nacked_retried_and_recovered()
    {
        var g = new NackGenerator();
        g.OnPacket(65533, 0);
        g.OnPacket(1, 0); // 65534, 65535, 0 missing
        Span<ushort> lost = stackalloc ushort[16];
        Assert.Equal(3, g.Collect(0, Tps, lost));
        Assert.Equal(new ushort[] { 65534, 65535, 0 }, lost[..3].ToArray());
        Assert.Equal(0, g.Collect(10, Tps, lost)); // before the retry interval
        Assert.Equal(3, g.Collect(25, Tps, lost));
        Assert.True(g.OnPacket(65535, 30)); // recovery counts
        Assert.Equal(2, g.MissingCount);
        Assert.False(g.OnPacket(65535, 31)); // duplicate
    }

    [Fact]
    public void Holes_are_forgotten_after_max_retries_or_age()
    {
        var g = new NackGenerator();
        g.OnPacket(10, 0);
        g.OnPacket(12, 0);
        Span<ushort> lost = stackalloc ushort[4];
        var sent = 0;
        for (long t = 0; t < 2000; t += 25)
        {
            sent += g.Collect(t, Tps, lost);
        }

        Assert.Equal(NackGenerator.MaxRetries, sent);
        Assert.Equal(0, g.MissingCount);
    }

    [Fact]
    public void Huge_jump_is_not_tracked()
    {
        var g = new NackGenerator();
        g.OnPacket(0, 0);
        g.OnPacket(5000, 0);
        Assert.Equal(0, g.MissingCount);
    }

    [Fact]
    public void A_hole_is_dropped_once_it_falls_a_window_behind_the_newest_packet()
    {
        var g = new NackGenerator();
        g.OnPacket(0, 0);
        g.OnPacket(2, 0); // 1 missing
        for (ushort seq = 3; seq <= NackGenerator.MaxMissing; seq++)
        {
            g.OnPacket(seq, 0);
        }

        Assert.Equal(1, g.MissingCount); // 1 is still within (512 − 512, 512]
        g.OnPacket(NackGenerator.MaxMissing + 1, 0);
        Assert.Equal(0, g.MissingCount);
        Span<ushort> lost = stackalloc ushort[4];
        Assert.Equal(0, g.Collect(0, Tps, lost));
        Assert.False(g.OnPacket(1, 0)); // far too late: not a recovery
    }

    [Fact]
    public void Many_holes_are_nacked_oldest_first_up_to_the_destination_size()
    {
        var g = new NackGenerator();
        g.OnPacket(100, 0);
        g.OnPacket(200, 0); // 101..199 missing
        Span<ushort> lost = stackalloc ushort[8];
        Assert.Equal(8, g.Collect(0, Tps, lost));
        Assert.Equal(Enumerable.Range(101, 8).Select(i => (ushort)i).ToArray(), lost.ToArray());
        Assert.Equal(99, g.MissingCount);
    }

    [Fact]
    public void A_lossy_stream_allocates_nothing()
    {
        var g = new NackGenerator();
        Span<ushort> lost = stackalloc ushort[32];
        g.OnPacket(0, 0);
        g.OnPacket(2, 0);
        g.Collect(0, Tps, lost); // first calls done before measuring
        var before = GC.GetAllocatedBytesForCurrentThread();
        ushort seq = 3;
        for (var t = 1; t <= 70_000; t++)
        {
            seq++;
            if (t % 7 != 0)
            {
                g.OnPacket(seq, t); // every 7th packet is lost; sequence numbers wrap
            }

            if (t % 10 == 0)
            {
                g.Collect(t, Tps, lost);
            }
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.InRange(g.MissingCount, 1, NackGenerator.MaxMissing);
    }
}
