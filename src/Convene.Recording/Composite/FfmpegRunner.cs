using System.ComponentModel;
using System.Diagnostics;

namespace Convene.Recording.Composite;

/// <summary>
/// Runs ffmpeg as a supervised child: arguments as a list (never one string), stderr streamed into a log file,
/// exit observed asynchronously; on timeout or cancellation it escalates: <c>q</c> on stdin → bounded wait → kill.
/// </summary>
public sealed class FfmpegRunner(string executable, TimeProvider time)
{
    public static readonly TimeSpan QuitGrace = TimeSpan.FromSeconds(5);

    public string Executable => executable;

    /// <summary>Resolves an executable name against PATH (or checks an absolute path); null when it cannot be found.</summary>
    public static string? Resolve(string executable)
    {
        ArgumentException.ThrowIfNullOrEmpty(executable);
        if (executable.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return File.Exists(executable) ? executable : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, executable);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Runs to completion; returns the exit code, or null when it had to be stopped (timeout/cancel) or could not start.</summary>
    public async Task<int?> RunAsync(IReadOnlyList<string> arguments, string logPath, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        await using var log = new StreamWriter(new FileStream(logPath, FileMode.Append, FileAccess.Write, FileShare.Read));
        await log.WriteLineAsync("$ " + executable + " " + string.Join(' ', arguments.Select(a => a.Contains(' ', StringComparison.Ordinal) ? "'" + a + "'" : a)));
        using var process = new Process { StartInfo = info };
        try
        {
            if (!process.Start())
            {
                return null;
            }
        }
        catch (Win32Exception e)
        {
            await log.WriteLineAsync("could not start: " + e.Message);
            return null;
        }

        var stderr = PumpAsync(process.StandardError, log);
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
            await stderr;
            await stdout;
            return process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            await StopAsync(process);
            await stderr;
            await stdout;
            await log.WriteLineAsync(cancellationToken.IsCancellationRequested ? "stopped: cancelled" : "stopped: timed out");
            return null;
        }
    }

    private async Task StopAsync(Process process)
    {
        try
        {
            await process.StandardInput.WriteAsync('q');
            await process.StandardInput.FlushAsync();
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // stdin already closed: the process is exiting or gone
        }

        using var grace = new CancellationTokenSource(QuitGrace, time);
        try
        {
            await process.WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }
    }

    private static async Task PumpAsync(StreamReader stderr, StreamWriter log)
    {
        while (await stderr.ReadLineAsync(CancellationToken.None) is { } line)
        {
            await log.WriteLineAsync(line);
        }

        await log.FlushAsync();
    }
}
