namespace Convene.Sfu.Media;

/// <summary>Lets at most one keyframe request through per <see cref="MinInterval"/> (per producer).</summary>
internal sealed class KeyframeRequestThrottle(TimeProvider time)
{
    public static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(500);

    private long _lastSentTimestamp = long.MinValue;

    public bool TryAcquire()
    {
        var now = time.GetTimestamp();
        if (_lastSentTimestamp != long.MinValue && time.GetElapsedTime(_lastSentTimestamp, now) < MinInterval)
        {
            return false;
        }

        _lastSentTimestamp = now;
        return true;
    }
}
