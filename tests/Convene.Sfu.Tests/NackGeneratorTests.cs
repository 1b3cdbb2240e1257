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
}
