using System.Diagnostics;
using System.Globalization;

namespace Convene.Bench.Recording;

/// <summary>
/// Linux process figures for the bench: this process's CPU, the CPU of its reaped children (ffmpeg), and a sampler
/// (every 50 ms) of this process's RSS and of the peak RSS (VmHWM) of its running ffmpeg children.
/// </summary>
internal sealed class ProcessStats : IAsyncDisposable
{
    private const double ClockTicksPerSecond = 100; // USER_HZ on Linux
    private static readonly int SelfPid = Environment.ProcessId;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _maxRss;
    private long _maxChildHwm;

    public ProcessStats()
    {
        _loop = Task.Run(SampleAsync);
    }

    /// <summary>Largest RSS of this process since the last <see cref="Reset"/>, bytes.</summary>
    public long MaxRss => Interlocked.Read(ref _maxRss);

    /// <summary>Largest peak RSS of an ffmpeg child since the last <see cref="Reset"/>, bytes (0: none seen).</summary>
    public long MaxChildHwm => Interlocked.Read(ref _maxChildHwm);

    public static double CpuSeconds()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime.TotalSeconds;
    }

    /// <summary>User + system CPU of the children this process has waited for (/proc/self/stat cutime + cstime).</summary>
    public static double ChildrenCpuSeconds()
    {
        var fields = StatFields(File.ReadAllText("/proc/self/stat"));
        return (long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture)) / ClockTicksPerSecond;
    }

    public static long RssBytes() => StatusKb("/proc/self/status", "VmRSS:") * 1024;

    public void Reset()
    {
        Interlocked.Exchange(ref _maxRss, RssBytes());
        Interlocked.Exchange(ref _maxChildHwm, 0);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task SampleAsync()
    {
        var maxSamples = 20 * 60 * 30; // bounded: 30 minutes at 50 ms
        for (var i = 0; i < maxSamples && !_stop.IsCancellationRequested; i++)
        {
            Raise(ref _maxRss, RssBytes());
            foreach (var child in FfmpegChildren())
            {
                Raise(ref _maxChildHwm, StatusKb($"/proc/{child}/status", "VmHWM:") * 1024);
            }

            try
            {
                await Task.Delay(50, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static void Raise(ref long max, long value)
    {
        var seen = Interlocked.Read(ref max);
        while (value > seen)
        {
            var previous = Interlocked.CompareExchange(ref max, value, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }

    private static List<int> FfmpegChildren()
    {
        var children = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var comm = stat[(stat.IndexOf('(', StringComparison.Ordinal) + 1)..stat.LastIndexOf(')')];
                if (comm == "ffmpeg" && int.Parse(StatFields(stat)[1], CultureInfo.InvariantCulture) == SelfPid)
                {
                    children.Add(pid);
                }
            }
            catch (IOException)
            {
                // the process went away meanwhile
            }
        }

        return children;
    }

    /// <summary>The fields of a /proc stat line after the command name: [0] is field 3 (state), [1] field 4 (ppid), ….</summary>
    private static string[] StatFields(string stat) => stat[(stat.LastIndexOf(')') + 2)..].Split(' ');

    private static long StatusKb(string path, string key)
    {
        try
        {
            foreach (var line in File.ReadLines(path))
            {
                if (line.StartsWith(key, StringComparison.Ordinal))
                {
                    return long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
            // gone
        }

        return 0;
    }
}
