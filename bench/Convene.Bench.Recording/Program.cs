// Recorder bench: a 4-participant 720p room (real VP8/Opus from ffmpeg, packetized to RTP) through the recorder.
// Prints start → first media bytes on disk (p50/p95 over 10 starts), recorder CPU per recorded second, peak RSS,
// and the ffmpeg composite's CPU per recorded second and max RSS.
#pragma warning disable RS0030 // a bench's job is to print to the console
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Convene.Bench.Recording;
using Convene.Recording;
using Convene.Recording.Composite;
using Convene.Sfu.Api;
using Microsoft.Extensions.Logging.Abstractions;

const int ParticipantCount = 4;
var recordSeconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
var root = Path.Combine(Path.GetTempPath(), "convene-bench-recording", Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(root);
Console.WriteLine($"encoding fixtures into {root} …");
var frames = await Media.Vp8Async(root, 10);
var opus = await Media.OpusAsync(root, 10);
Console.WriteLine($"720p VP8: {frames.Count} frames, avg {frames.Average(f => f.Length) / 1024.0:F1} KiB; Opus: {opus.Count} packets");

var participants = Enumerable.Range(0, ParticipantCount)
    .Select(i => (new BenchTrack($"TR_v{i}", $"p{i}", MediaKind.Video, "VP8"), new BenchTrack($"TR_a{i}", $"p{i}", MediaKind.Audio, "opus")))
    .ToList();
var room = new BenchRoom([.. participants.SelectMany(p => new IMediaTrack[] { p.Item1, p.Item2 })]);
var self = Process.GetCurrentProcess();
await using var publisher = new Publisher(participants, frames, opus, TimeSpan.FromMinutes(10));

// Baseline: the synthetic publisher's own CPU (packetizing 4×720p) with nobody attached.
await Task.Delay(2000);
var cpu0 = self.TotalProcessorTime;
await Task.Delay(5000);
var publisherCpuPerSecond = (self.TotalProcessorTime - cpu0).TotalSeconds / 5;

// 1. start → first bytes on disk, 10 starts.
var anyBytes = new List<double>();
var videoBytes = new List<double>();
for (var i = 0; i < 10; i++)
{
    var dir = Path.Combine(root, "start" + i);
    var recorder = new RoomRecorder(room, dir, "bench--start" + i, TimeProvider.System, NullLogger.Instance);
    var t0 = Stopwatch.GetTimestamp();
    recorder.Start();
    double? any = null, video = null;
    while ((any is null || video is null) && Stopwatch.GetElapsedTime(t0) < TimeSpan.FromSeconds(10))
    {
        foreach (var file in Directory.EnumerateFiles(dir, "*.webm"))
        {
            if (new FileInfo(file).Length > 0)
            {
                any ??= Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                if (file.Contains(".video.", StringComparison.Ordinal))
                {
                    video ??= Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                }
            }
        }

        await Task.Delay(1);
    }

    await recorder.StopAsync();
    anyBytes.Add(any ?? double.NaN);
    videoBytes.Add(video ?? double.NaN);
}

static double Percentile(List<double> values, double p)
{
    var sorted = values.Order().ToList();
    return sorted[(int)Math.Clamp(Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}

Console.WriteLine($"start → first media bytes on disk: p50 {Percentile(anyBytes, 0.5):F1} ms, p95 {Percentile(anyBytes, 0.95):F1} ms (n=10)");
Console.WriteLine($"start → first video bytes (waits for a keyframe; the clip has one every 3 s, a real SFU asks for one on attach): p50 {Percentile(videoBytes, 0.5):F0} ms, p95 {Percentile(videoBytes, 0.95):F0} ms");

// 2. Record N seconds: recorder CPU per recorded second (publisher baseline subtracted), peak RSS.
var recordDir = Path.Combine(root, "record");
var main = new RoomRecorder(room, recordDir, "bench--main", TimeProvider.System, NullLogger.Instance);
self.Refresh();
var cpuStart = self.TotalProcessorTime;
var wallStart = Stopwatch.GetTimestamp();
main.Start();
await Task.Delay(TimeSpan.FromSeconds(recordSeconds));
var (tracks, durationMs) = await main.StopAsync();
var wall = Stopwatch.GetElapsedTime(wallStart).TotalSeconds;
self.Refresh();
var totalCpu = (self.TotalProcessorTime - cpuStart).TotalSeconds;
var recorderCpu = totalCpu - (publisherCpuPerSecond * wall);
Console.WriteLine($"recorded {durationMs / 1000.0:F1} s, {tracks.Count} tracks, {tracks.Sum(t => t.Bytes) / 1048576.0:F1} MiB, {tracks.Sum(t => t.Frames)} frames");
Console.WriteLine($"recorder CPU: {recorderCpu / wall:F3} CPU-s per recorded second (process {totalCpu / wall:F3}, synthetic publisher {publisherCpuPerSecond:F3} subtracted)");
Console.WriteLine($"peak RSS (whole bench process, includes fixtures): {self.PeakWorkingSet64 / 1048576.0:F0} MiB");

// 3. Composite MP4 with ffmpeg (-benchmark reports its CPU and max RSS).
var output = Path.Combine(recordDir, "bench--main.mp4");
var log = Path.Combine(recordDir, "bench--main.ffmpeg.log");
var arguments = new List<string> { "-benchmark" };
arguments.AddRange(CompositeArguments.Build(recordDir, tracks, durationMs, output));
var compositeStart = Stopwatch.GetTimestamp();
var exit = await new FfmpegRunner("ffmpeg", TimeProvider.System).RunAsync(arguments, log, TimeSpan.FromMinutes(30), CancellationToken.None);
var compositeWall = Stopwatch.GetElapsedTime(compositeStart).TotalSeconds;
var text = await File.ReadAllTextAsync(log);
var bench = Regex.Match(text, @"bench: utime=([\d.]+)s stime=([\d.]+)s rtime=([\d.]+)s");
var rss = Regex.Match(text, @"bench: maxrss=(\d+)kB");
var recorded = durationMs / 1000.0;
if (exit == 0 && bench.Success)
{
    var ffCpu = double.Parse(bench.Groups[1].Value, CultureInfo.InvariantCulture) + double.Parse(bench.Groups[2].Value, CultureInfo.InvariantCulture);
    Console.WriteLine($"composite: {compositeWall:F1} s wall ({compositeWall / recorded:F2} s per recorded second), {ffCpu:F1} CPU-s ({ffCpu / recorded:F2} CPU-s per recorded second), ffmpeg max RSS {(rss.Success ? long.Parse(rss.Groups[1].Value, CultureInfo.InvariantCulture) / 1024 : -1)} MiB, {new FileInfo(output).Length / 1048576.0:F1} MiB MP4");
}
else
{
    Console.WriteLine($"composite failed (exit {exit}); see {log}");
}

Directory.Delete(root, recursive: true);
