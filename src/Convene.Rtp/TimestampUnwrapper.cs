namespace Convene.Rtp;

/// <summary>Extends 32-bit RTP timestamps to 64 bits across wraparound (half-range rule, like <see cref="SeqNoUnwrapper"/>).</summary>
public sealed class TimestampUnwrapper
{
    private long _last = -1;

    public long Unwrap(uint timestamp)
    {
        if (_last < 0)
        {
            _last = (1L << 32) + timestamp;
            return _last;
        }

        var delta = (int)(timestamp - (uint)_last);
        _last += delta;
        return _last;
    }
}
