using System.Globalization;

namespace Convene.Bench.Rest;

/// <summary>Reads a process's consumed CPU time (utime + stime) from <c>/proc/&lt;pid&gt;/stat</c> on Linux.</summary>
internal static class ProcessCpu
{
    /// <summary>USER_HZ: the unit of the stat file's times; 100 on every mainstream Linux build.</summary>
    private const double TicksPerSecond = 100;

    public static TimeSpan Read(int processId)
    {
        var path = string.Create(CultureInfo.InvariantCulture, $"/proc/{processId}/stat");
        if (!File.Exists(path))
        {
            return TimeSpan.Zero;
        }

        var stat = File.ReadAllText(path);
        // The command name (field 2) is in parentheses and may hold spaces; fields after it are space-separated,
        // starting with field 3 (state). utime and stime are fields 14 and 15.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
