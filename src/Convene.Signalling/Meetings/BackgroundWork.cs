using System.Collections.Concurrent;

namespace Convene.Signalling.Meetings;

/// <summary>Owns fire-and-forget work started by timers, so that shutdown can await all of it (no orphan tasks).</summary>
internal sealed class BackgroundWork
{
    private readonly ConcurrentDictionary<Task, byte> _running = new();

    public void Run(Func<Task> work)
    {
        var task = Task.Run(work);
        _running.TryAdd(task, 0);
        _ = task.ContinueWith(t => _running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Awaits everything running now (and whatever that starts), bounded by a few rounds.</summary>
    public async Task DrainAsync()
    {
        for (var round = 0; round < 10 && !_running.IsEmpty; round++)
        {
            try
            {
                await Task.WhenAll(_running.Keys);
            }
            catch (Exception) when (round < 10)
            {
                // Each work item logs its own failures; draining only waits.
            }
        }
    }
}
