namespace Convene.Rtp;

/// <summary>
/// Extends 16-bit sequence numbers to a monotonic 64-bit index (cycles × 65536 + seq). Reordered packets from
/// before the last wrap map to the previous cycle. The first value unwraps to itself (plus 65536 so that a
/// packet reordered from before it stays non-negative).
/// </summary>
public sealed class SeqNoUnwrapper
{
    private long _last = -1;

    public bool HasValue => _last >= 0;

    /// <summary>Highest index seen so far.</summary>
    public long Highest { get; private set; } = -1;

    public long Unwrap(ushort seq)
    {
        if (_last < 0)
        {
            _last = 65536 + seq;
            Highest = _last;
            return _last;
        }

        var delta = (short)(ushort)(seq - (ushort)_last);
        var index = _last + delta;
        _last = index;
        if (index > Highest)
        {
            Highest = index;
        }

        return index;
    }

    /// <summary>Unwraps without remembering (for peeking at a candidate, e.g. before authentication).</summary>
    public long Peek(ushort seq) => _last < 0 ? 65536 + seq : _last + (short)(ushort)(seq - (ushort)_last);
}
