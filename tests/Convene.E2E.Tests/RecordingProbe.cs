using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Convene.E2E.Tests;

/// <summary>ffprobe / ffmpeg checks of a recorded file (Debian ffmpeg on PATH).</summary>
public static partial class RecordingProbe
{
    public static bool IsAvailable => File.Exists("/usr/bin/ffprobe") && File.Exists("/usr/bin/ffmpeg");

    /// <summary>Stream codecs with sizes and the container duration.</summary>
    public static async Task<ProbeResult> ProbeAsync(string file, CancellationToken cancellationToken)
    {
        var (exit, stdout, stderr) = await RunAsync("ffprobe", ["-v", "error", "-show_entries", "stream=codec_type,codec_name,width,height:format=duration", "-of", "json", file], cancellationToken);
        Assert.True(exit == 0, $"ffprobe failed ({exit}): {stderr}");
        using var json = JsonDocument.Parse(stdout);
        var streams = json.RootElement.GetProperty("streams").EnumerateArray()
            .Select(s => new ProbeStream(
                s.GetProperty("codec_type").GetString()!,
                s.GetProperty("codec_name").GetString()!,
                s.TryGetProperty("width", out var w) ? w.GetInt32() : 0,
                s.TryGetProperty("height", out var h) ? h.GetInt32() : 0))
            .ToList();
        var duration = double.Parse(json.RootElement.GetProperty("format").GetProperty("duration").GetString()!, CultureInfo.InvariantCulture);
        return new ProbeResult(streams, duration);
    }

    /// <summary>All-black spans of at least <paramref name="minSeconds"/> that ffmpeg's blackdetect finds, as "start-end".</summary>
    public static async Task<IReadOnlyList<string>> BlackSpansAsync(string file, double minSeconds, CancellationToken cancellationToken)
    {
        var (exit, _, stderr) = await RunAsync(
            "ffmpeg",
            ["-hide_banner", "-nostats", "-i", file, "-vf", string.Create(CultureInfo.InvariantCulture, $"blackdetect=d={minSeconds}:pix_th=0.10"), "-an", "-f", "null", "-"],
            cancellationToken);
        Assert.True(exit == 0, $"ffmpeg blackdetect failed ({exit}): {stderr}");
        return [.. BlackLine().Matches(stderr).Select(m => $"{m.Groups[1].Value}-{m.Groups[2].Value}")];
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string exe, string[] args, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    [GeneratedRegex(@"black_start:([\d.]+) black_end:([\d.]+)")]
    private static partial Regex BlackLine();
}

public sealed record ProbeStream(string Type, string Codec, int Width, int Height);

public sealed record ProbeResult(IReadOnlyList<ProbeStream> Streams, double Duration)
{
    public override string ToString() => $"{Duration:F2}s " + string.Join(", ", Streams.Select(s => $"{s.Type}:{s.Codec} {s.Width}x{s.Height}"));
}
