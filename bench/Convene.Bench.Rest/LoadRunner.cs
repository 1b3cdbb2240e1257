using System.Diagnostics;

namespace Convene.Bench.Rest;

/// <summary>Runs K concurrent clients against one operation, bounded by a request count or a duration.</summary>
internal static class LoadRunner
{
    /// <summary>
    /// Each client loops: call <paramref name="operation"/> with a running index, time it, stop when the shared
    /// index reaches <paramref name="maxRequests"/> or <paramref name="duration"/> has passed.
    /// </summary>
    public static async Task<LatencyStats> RunAsync(
        string name, int clients, int maxRequests, TimeSpan duration, Func<int, CancellationToken, Task<bool>> operation, CancellationToken cancellationToken)
    {
        var stats = new LatencyStats(name);
        var next = -1;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(duration);
        var total = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clients).Select(_ => Task.Run(
            async () =>
            {
                var samples = new List<double>(4096);
                var errors = 0;
                while (!timeout.IsCancellationRequested)
                {
                    var index = Interlocked.Increment(ref next);
                    if (index >= maxRequests)
                    {
                        break;
                    }

                    var started = Stopwatch.GetTimestamp();
                    bool ok;
                    try
                    {
                        ok = await operation(index, timeout.Token);
                    }
                    catch (OperationCanceledException) when (timeout.IsCancellationRequested)
                    {
                        break;
                    }
                    catch (HttpRequestException)
                    {
                        ok = false;
                    }

                    samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if (!ok)
                    {
                        errors++;
                    }
                }

                stats.Merge(samples, errors);
            },
            CancellationToken.None)).ToList();
        await Task.WhenAll(workers);
        stats.Elapsed = total.Elapsed;
        return stats;
    }
}
