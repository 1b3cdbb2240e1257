namespace Convene.Server.Auth;

/// <summary>
/// At most 5 failed logins per client address in a sliding 5-minute window (contract §4.2); successful logins are
/// not counted. In memory: one process, and a restart resetting the counters is harmless.
/// </summary>
internal sealed class LoginThrottle(TimeProvider time)
{
    private const int MaxFailures = 5;
    private const int MaxTrackedClients = 10_000;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private readonly Dictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public bool IsBlocked(string client)
    {
        lock (_gate)
        {
            return _failures.TryGetValue(client, out var queue) && Prune(queue) >= MaxFailures;
        }
    }

    public void RecordFailure(string client)
    {
        lock (_gate)
        {
            if (!_failures.TryGetValue(client, out var queue))
            {
                if (_failures.Count >= MaxTrackedClients)
                {
                    _failures.Clear(); // bounded memory under a flood of distinct addresses
                }

                queue = new Queue<DateTimeOffset>();
                _failures[client] = queue;
            }

            Prune(queue);
            queue.Enqueue(time.GetUtcNow());
        }
    }

    private int Prune(Queue<DateTimeOffset> queue)
    {
        var cutoff = time.GetUtcNow() - Window;
        while (queue.Count > 0 && queue.Peek() <= cutoff)
        {
            queue.Dequeue();
        }

        return queue.Count;
    }
}
