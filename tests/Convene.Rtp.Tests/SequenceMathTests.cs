using Convene.Rtp;

namespace Convene.Rtp.Tests;

public sealed class SequenceMathTests
{
    [Theory]
    [InlineData(1, 0, 1)]
    [InlineData(0, 65535, 1)]
    [InlineData(65535, 0, -1)]
    [InlineData(100, 65000, 636)]
    [InlineData(32767, 0, 32767)]
    [InlineData(32768, 0, -32768)]
    [InlineData(5, 5, 0)]
    public void Distance_wraps(int a, int b, int expected) =>
        Assert.Equal(expected, new SeqNo((ushort)a).DistanceFrom(new SeqNo((ushort)b)));

    [Fact]
    public void Newer_than_across_wrap()
    {
        Assert.True(new SeqNo(2) > new SeqNo(65530));
        Assert.True(new SeqNo(65530) < new SeqNo(2));
        Assert.Equal(new SeqNo(1), new SeqNo(65535) + 2);
    }

    [Fact]
    public void Unwrapper_counts_cycles_and_handles_reordering()
    {
        var u = new SeqNoUnwrapper();
        ushort[] input = [65533, 65534, 65535, 0, 65535, 1, 2, 65534, 3];
        long[] expected = [131069, 131070, 131071, 131072, 131071, 131073, 131074, 131070, 131075];
        for (var i = 0; i < input.Length; i++)
        {
            Assert.Equal(expected[i], u.Unwrap(input[i]));
        }

        Assert.Equal(131075, u.Highest);
    }

    [Fact]
    public void Unwrapper_survives_many_cycles()
    {
        var u = new SeqNoUnwrapper();
        long first = u.Unwrap(0);
        ushort seq = 0;
        for (var i = 1; i <= 300_000; i++)
        {
            seq++;
            Assert.Equal(first + i, u.Unwrap(seq));
        }
    }

    [Fact]
    public void Timestamp_unwrapper_wraps_forward_and_back()
    {
        var u = new TimestampUnwrapper();
        var a = u.Unwrap(0xFFFF_FF00);
        var b = u.Unwrap(0x0000_0100);
        Assert.Equal(0x200, b - a);
        var c = u.Unwrap(0xFFFF_FFF0);
        Assert.Equal(-0x10, c - (a + 0x100));
    }
}
