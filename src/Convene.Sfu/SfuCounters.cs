using System.Collections.Frozen;

namespace Convene.Sfu;

/// <summary>An immutable snapshot of the media plane's counters.</summary>
public sealed record SfuCounters(
    long DatagramsReceived,
    long DatagramsSent,
    long RtpForwarded,
    long RtcpReceived,
    long NacksReceived,
    long RetransmissionsSent,
    long NacksSent,
    long KeyframeRequestsSent,
    long KeyframeRequestsReceived,
    long RecoveredByNack,
    IReadOnlyDictionary<DropReason, long> Drops)
{
    public long Dropped(DropReason reason) => Drops.TryGetValue(reason, out var n) ? n : 0;

    public long TotalDrops => Drops.Values.Sum();

    internal static FrozenDictionary<DropReason, long> FreezeDrops(long[] drops)
    {
        var map = new Dictionary<DropReason, long>();
        for (var i = 0; i < drops.Length; i++)
        {
            var n = Interlocked.Read(ref drops[i]);
            if (n != 0)
            {
                map[(DropReason)i] = n;
            }
        }

        return map.ToFrozenDictionary();
    }
}
