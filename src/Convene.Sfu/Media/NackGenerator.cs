using Convene.Rtp;

namespace Convene.Sfu.Media;

/// <summary>
/// Tracks holes in one incoming stream and says which sequence numbers to NACK when (as pion's and mediasoup's
/// generators do, simplified): a missing packet is asked for at most <see cref="MaxRetries"/> times,
/// <see cref="RetryInterval"/> apart, and forgotten after <see cref="MaxAge"/> or once it falls more than
/// <see cref="MaxMissing"/> behind the newest packet. Worker-thread only.
/// <para>
/// The holes live in a ring of <see cref="MaxMissing"/> slots indexed by the unwrapped sequence number, so tracking,
/// filling and forgetting a hole allocate nothing: a lossy ingress (the case NACK exists for) must not turn into GC
/// work on the media thread. Slot <c>i % MaxMissing</c> belongs to the one index of the window
/// <c>(highest − MaxMissing, highest]</c> congruent to <c>i</c>; when the window moves past an old hole, the new index
/// that reuses its slot drops it.
/// </para>
/// </summary>
internal sealed class NackGenerator
{
    public const int MaxMissing = 512; // a power of two: the slot is index & (MaxMissing − 1)
    public const int MaxRetries = 10;
    public static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(20);
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    private const long Mask = MaxMissing - 1;
    private const long Empty = -1;

    private readonly SeqNoUnwrapper _unwrapper = new();
    private readonly long[] _index = new long[MaxMissing];
    private readonly long[] _firstSeen = new long[MaxMissing];
    private readonly long[] _lastSent = new long[MaxMissing];
    private readonly int[] _retries = new int[MaxMissing];

    public NackGenerator() => Array.Fill(_index, Empty);

    public int MissingCount { get; private set; }

    /// <summary>Records an arriving packet. Returns true when it filled a hole we had NACKed (a recovery).</summary>
    public bool OnPacket(ushort sequenceNumber, long nowTicks)
    {
        var highestBefore = _unwrapper.Highest;
        var index = _unwrapper.Unwrap(sequenceNumber);
        if (highestBefore < 0)
        {
            return false;
        }

        if (index <= highestBefore)
        {
            var slot = index & Mask;
            if (_index[slot] != index)
            {
                return false; // not a hole we track: a duplicate, or older than the window
            }

            Forget(slot);
            return _retries[slot] > 0;
        }

        if (index - highestBefore - 1 > MaxMissing)
        {
            Clear(); // a jump (e.g. a restarted source): don't try to recover it
            return false;
        }

        for (var missing = highestBefore + 1; missing < index; missing++)
        {
            var slot = missing & Mask;
            if (_index[slot] == Empty)
            {
                MissingCount++;
            }

            _index[slot] = missing; // replaces a hole that has just left the window, if any
            _firstSeen[slot] = nowTicks;
            _lastSent[slot] = 0;
            _retries[slot] = 0;
        }

        var arrived = index & Mask;
        if (_index[arrived] != Empty)
        {
            Forget(arrived); // the hole one window behind this packet
        }

        return false;
    }

    /// <summary>Fills <paramref name="destination"/> with the sequence numbers due for a NACK now, oldest first; returns the count.</summary>
    public int Collect(long nowTicks, long ticksPerSecond, Span<ushort> destination)
    {
        if (MissingCount == 0)
        {
            return 0;
        }

        var retry = (long)(RetryInterval.TotalSeconds * ticksPerSecond);
        var maxAge = (long)(MaxAge.TotalSeconds * ticksPerSecond);
        var count = 0;
        var highest = _unwrapper.Highest;
        for (var index = Math.Max(0, highest - MaxMissing + 1); index <= highest && count < destination.Length; index++)
        {
            var slot = index & Mask;
            if (_index[slot] != index)
            {
                continue;
            }

            if (nowTicks - _firstSeen[slot] > maxAge || _retries[slot] >= MaxRetries)
            {
                Forget(slot);
                continue;
            }

            if (_retries[slot] == 0 || nowTicks - _lastSent[slot] >= retry)
            {
                destination[count++] = (ushort)index;
                _retries[slot]++;
                _lastSent[slot] = nowTicks;
            }
        }

        return count;
    }

    private void Forget(long slot)
    {
        _index[slot] = Empty;
        MissingCount--;
    }

    private void Clear()
    {
        Array.Fill(_index, Empty);
        MissingCount = 0;
    }
}
