using Convene.Rtp;

namespace Convene.Sfu.Media;

/// <summary>
/// Tracks holes in one incoming stream and says which sequence numbers to NACK when (pion's nack generator and
/// mediasoup's NackGenerator, simplified): a missing packet is asked for at most <see cref="MaxRetries"/> times,
/// <see cref="RetryInterval"/> apart, and forgotten after <see cref="MaxAge"/>. Worker-thread only.
/// </summary>
internal sealed class NackGenerator
{
    public const int MaxMissing = 512;
    public const int MaxRetries = 10;
    public static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(20);
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    private readonly SeqNoUnwrapper _unwrapper = new();
    private readonly SortedDictionary<long, MissingPacket> _missing = [];
    private readonly List<long> _scratch = [];

    public int MissingCount => _missing.Count;

    /// <summary>Records an arriving packet. Returns true when it filled a hole we were tracking (a recovery).</summary>
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
            if (_missing.Remove(index, out var hole))
            {
                return hole.Retries > 0;
            }

            return false;
        }

        var gap = index - highestBefore - 1;
        if (gap > MaxMissing)
        {
            _missing.Clear(); // a jump (e.g. a restarted source): don't try to recover it
            return false;
        }

        for (var missing = highestBefore + 1; missing < index; missing++)
        {
            _missing[missing] = new MissingPacket { FirstSeenTicks = nowTicks };
        }

        while (_missing.Count > MaxMissing)
        {
            _missing.Remove(_missing.Keys.First());
        }

        return false;
    }

    /// <summary>Fills <paramref name="destination"/> with the sequence numbers due for a NACK now; returns the count.</summary>
    public int Collect(long nowTicks, long ticksPerSecond, Span<ushort> destination)
    {
        var retry = (long)(RetryInterval.TotalSeconds * ticksPerSecond);
        var maxAge = (long)(MaxAge.TotalSeconds * ticksPerSecond);
        var count = 0;
        _scratch.Clear();
        foreach (var (index, hole) in _missing)
        {
            if (nowTicks - hole.FirstSeenTicks > maxAge || hole.Retries >= MaxRetries)
            {
                _scratch.Add(index);
                continue;
            }

            if (count < destination.Length && (hole.Retries == 0 || nowTicks - hole.LastSentTicks >= retry))
            {
                destination[count++] = (ushort)index;
                hole.Retries++;
                hole.LastSentTicks = nowTicks;
                if (count == destination.Length)
                {
                    break;
                }
            }
        }

        foreach (var index in _scratch)
        {
            _missing.Remove(index);
        }

        return count;
    }

    private sealed class MissingPacket
    {
        public long FirstSeenTicks { get; init; }

        public long LastSentTicks { get; set; }

        public int Retries { get; set; }
    }
}
