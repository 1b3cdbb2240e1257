namespace Convene.Signalling.Sessions;

/// <summary>Fixed one-second windows: at most <c>limit</c> messages each. Not thread-safe (one reader per session).</summary>
internal sealed class RateLimiter(int limit, TimeProvider time)
{
    private long _windowStart = long.MinValue;
    private int _count;
    private bool _reported;

    /// <summary>Counts one message; false when it exceeds the window's budget.</summary>
    public bool TryAcquire(out bool firstRefusalInWindow)
    {
        var now = time.GetTimestamp();
        if (_windowStart == long.MinValue || time.GetElapsedTime(_windowStart, now) >= TimeSpan.FromSeconds(1))
        {
            _windowStart = now;
            _count = 0;
            _reported = false;
        }

        _count++;
        if (_count <= limit)
        {
            firstRefusalInWindow = false;
            return true;
        }

        firstRefusalInWindow = !_reported;
        _reported = true;
        return false;
    }
}
