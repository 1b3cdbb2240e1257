// Recorder bench: a 4-participant 720p room (real VP8/Opus from ffmpeg, packetized to RTP) recorded by the real
// server (Kestrel on loopback, SQLite, the recording lifecycle, the ffmpeg composite) through its internal API with a
// moderator's room member token. Prints:
//   1. POST /internal-api/v1/recordings → first media bytes on disk (and first video bytes), p50/p95 over 10 starts;
//   2. recorder CPU per recorded second and RSS growth while recording (baseline: the publishers and the idle server);
//   3. the server's own composite: ffmpeg CPU per recorded second and its peak RSS.
// usage: Convene.Bench.Recording [recordSeconds=20]
#pragma warning disable RS0030 // a bench's job is to print to the console
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Convene.Bench.Recording;
using Convene.Recording;
using Convene.Sfu.Api;
using Microsoft.Extensions.Logging.Abstractions;

const int ParticipantCount = 4;
const int Starts = 10;
var recordSeconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
var root = Path.Combine(Path.GetTempPath(), "convene-bench-recording", Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(root);
Console.WriteLine($"encoding fixtures into {root} …");
var frames = await Media.Vp8Async(root, 10);
var opus = await Media.OpusAsync(root, 10);
Console.WriteLine($"720p VP8: {frames.Count} frames, avg {frames.Average(f => f.Length) / 1024.0:F1} KiB, keyframe every 3 s; Opus: {opus.Count} packets");

await using var stats = new ProcessStats();
await using var server = new BenchServer();
using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(60) };
using var api = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(60) };
api.DefaultRequestHeaders.Add("X-API-KEY", BenchServer.ApiKey);
Console.WriteLine($"server on {server.Address}");

// A room, its moderator's member token, and the room's media: 4 participants × (720p VP8 camera + Opus microphone).
var created = await (await api.PostAsJsonAsync("/api/v1/rooms", new { roomName = "Recording bench" })).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
var roomId = created.GetProperty("roomId").GetString()!;
var moderatorSecret = created.GetProperty("moderatorUrl").GetString()!.Split("secret=")[1];
var tokenBody = await (await http.PostAsJsonAsync($"/internal-api/v1/rooms/{roomId}/token", new { secret = moderatorSecret })).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
using var moderator = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(60) };
moderator.DefaultRequestHeaders.Add("X-Room-Member-Token", "Bearer " + tokenBody.GetProperty("token").GetString());

var participants = Enumerable.Range(0, ParticipantCount)
    .Select(i => (new BenchTrack($"TR_v{i}", $"p{i}", MediaKind.Video, "VP8"), new BenchTrack($"TR_a{i}", $"p{i}", MediaKind.Audio, "opus")))
    .ToList();
var room = new BenchRoom([.. participants.SelectMany(p => new IMediaTrack[] { p.Item1, p.Item2 })]);
server.Plane.Add(roomId, room);
var roomDirectory = Path.Combine(server.DataDirectory, "recordings", roomId);
await using var publisher = new Publisher(participants, frames, opus, TimeSpan.FromMinutes(15));

// Baseline: publishers packetizing 4×720p + the idle server, nobody recording.
await Task.Delay(2000);
stats.Reset();
var baseCpu0 = ProcessStats.CpuSeconds();
var baseClock = Stopwatch.StartNew();
await Task.Delay(5000);
var baselineCpuPerSecond = (ProcessStats.CpuSeconds() - baseCpu0) / baseClock.Elapsed.TotalSeconds;
var baselineRss = stats.MaxRss;

// 1. POST start → first bytes on disk; a warm-up start first (JIT, first ffmpeg), then 10 measured ones.
var anyBytes = new List<double>();
var videoBytes = new List<double>();
var answered = new List<double>();
for (var i = 0; i <= Starts; i++)
{
    var (any, video, response, id) = await StartAndWatchAsync();
    await StopAndWaitAsync(id, TimeSpan.FromSeconds(120));
    if (i == 0)
    {
        Console.WriteLine($"warm-up start (not counted): first bytes {any:F0} ms, first video {video:F0} ms, 201 after {response:F0} ms");
        continue;
    }

    anyBytes.Add(any);
    videoBytes.Add(video);
    answered.Add(response);
}

Console.WriteLine($"POST start → first media bytes on disk: p50 {Percentile(anyBytes, 0.5):F0} ms, p95 {Percentile(anyBytes, 0.95):F0} ms (n={Starts}; target p95 ≤ 3000 ms)");
Console.WriteLine($"POST start → first video bytes on disk: p50 {Percentile(videoBytes, 0.5):F0} ms, p95 {Percentile(videoBytes, 0.95):F0} ms (the attach asks for a keyframe; the publisher answers at its next frame)");
Console.WriteLine($"POST start → 201 active (answered once media is on disk): p50 {Percentile(answered, 0.5):F0} ms, p95 {Percentile(answered, 0.95):F0} ms");

// The recorder alone (no HTTP, no database): RoomRecorder.Start() → first bytes, for the breakdown.
var direct = new List<double>();
for (var i = 0; i < Starts; i++)
{
    var dir = Path.Combine(root, "direct" + i.ToString(CultureInfo.InvariantCulture));
    var recorder = new RoomRecorder(room, dir, "bench--direct", TimeProvider.System, NullLogger.Instance);
    var t0 = Stopwatch.GetTimestamp();
    recorder.Start();
    direct.Add((await FirstBytesAsync(dir, [], t0, TimeSpan.FromSeconds(10))).Any);
    await recorder.StopAsync();
}

Console.WriteLine($"RoomRecorder.Start() → first media bytes (no API): p50 {Percentile(direct, 0.5):F0} ms, p95 {Percentile(direct, 0.95):F0} ms");

// 2. One recording of N seconds through the API: recorder CPU and RSS growth over the baseline.
await Task.Delay(1000);
stats.Reset();
var cpu0 = ProcessStats.CpuSeconds();
var wall = Stopwatch.StartNew();
var (_, _, _, mainId) = await StartAndWatchAsync();
await Task.Delay(TimeSpan.FromSeconds(recordSeconds));
var stopped = await StopAsync(mainId);
var recordWall = wall.Elapsed.TotalSeconds;
var recordCpu = ProcessStats.CpuSeconds() - cpu0;
var recordRss = stats.MaxRss;
var recorderCpuPerSecond = (recordCpu / recordWall) - baselineCpuPerSecond;
Console.WriteLine($"recorded {recordWall:F1} s wall (API duration {stopped.GetProperty("duration").GetDouble():F1} s)");
Console.WriteLine($"recorder CPU: {recorderCpuPerSecond:F3} CPU-s per recorded second (process {recordCpu / recordWall:F3} − baseline {baselineCpuPerSecond:F3} [publishers + idle server]); recorder/publisher CPU ratio {recorderCpuPerSecond / baselineCpuPerSecond:F2} (target ≤ 1 core)");
Console.WriteLine($"recorder RSS: +{(recordRss - baselineRss) / 1048576.0:F1} MiB over the baseline's max (process max {recordRss / 1048576.0:F0} MiB while recording vs {baselineRss / 1048576.0:F0} MiB before; target ≤ 300 MB)");

// 3. The server's composite of that recording: ffmpeg CPU (reaped children's CPU) and its peak RSS (VmHWM).
stats.Reset();
var childCpu0 = ProcessStats.ChildrenCpuSeconds();
var composite = Stopwatch.StartNew();
var done = await WaitForStatusAsync(mainId, "complete", TimeSpan.FromMinutes(10));
var compositeWall = composite.Elapsed.TotalSeconds;
var compositeCpu = ProcessStats.ChildrenCpuSeconds() - childCpu0;
var recorded = done.GetProperty("duration").GetDouble();
Console.WriteLine($"recording {done.GetProperty("status").GetString()}: {recorded:F1} s, {done.GetProperty("size").GetInt64() / 1048576.0:F1} MiB MP4");
Console.WriteLine($"composite (server's ffmpeg): {compositeWall:F1} s wall ({compositeWall / recorded:F2} s per recorded second), {compositeCpu:F1} CPU-s ({compositeCpu / recorded:F2} CPU-s per recorded second, {compositeCpu / recorded / Math.Max(recorderCpuPerSecond, 1e-6):F0}× the recorder's), peak RSS {stats.MaxChildHwm / 1048576.0:F0} MiB");

Directory.Delete(root, recursive: true);
return;

// Starts a recording, watching the room's directory for the new files: (first bytes ms, first video bytes ms, 201 ms, id).
async Task<(double Any, double Video, double Answered, string Id)> StartAndWatchAsync()
{
    var before = Directory.Exists(roomDirectory) ? Directory.GetFiles(roomDirectory).ToHashSet(StringComparer.Ordinal) : [];
    var t0 = Stopwatch.GetTimestamp();
    var post = moderator.PostAsJsonAsync("/internal-api/v1/recordings", new { roomId });
    var watch = FirstBytesAsync(roomDirectory, before, t0, TimeSpan.FromSeconds(20));
    using var response = await post;
    var answeredMs = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
    if (response.StatusCode != HttpStatusCode.Created)
    {
        throw new InvalidOperationException($"start answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recordingId").GetString()!;
    var (any, video) = await watch;
    return (any, video, answeredMs, id);
}

async Task<JsonElement> StopAsync(string id)
{
    using var response = await moderator.PostAsync($"/internal-api/v1/recordings/{id}/stop", null);
    if (response.StatusCode != HttpStatusCode.Accepted)
    {
        throw new InvalidOperationException($"stop answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    return await response.Content.ReadFromJsonAsync<JsonElement>();
}

async Task StopAndWaitAsync(string id, TimeSpan timeout)
{
    await StopAsync(id);
    _ = await WaitForStatusAsync(id, "complete", timeout);
}

async Task<JsonElement> WaitForStatusAsync(string id, string status, TimeSpan timeout)
{
    var clock = Stopwatch.StartNew();
    for (var attempt = 0; attempt < 100_000 && clock.Elapsed < timeout; attempt++)
    {
        var recording = await api.GetFromJsonAsync<JsonElement>($"/api/v1/recordings/{id}");
        var current = recording.GetProperty("status").GetString();
        if (current == status)
        {
            return recording;
        }

        if (current is not ("starting" or "active" or "ending"))
        {
            throw new InvalidOperationException($"recording {id} ended as {recording}");
        }

        await Task.Delay(50);
    }

    throw new TimeoutException($"recording {id} not {status} within {timeout}");
}

// One poller (about every millisecond) for new *.webm files with bytes on disk: ms to the first one, and to the first video one.
static async Task<(double Any, double Video)> FirstBytesAsync(string dir, HashSet<string> old, long t0, TimeSpan timeout)
{
    double any = double.NaN, video = double.NaN;
    for (var poll = 0; poll < 1_000_000 && double.IsNaN(video) && Stopwatch.GetElapsedTime(t0) < timeout; poll++)
    {
        if (Directory.Exists(dir))
        {
            foreach (var file in Directory.EnumerateFiles(dir, "*.webm"))
            {
                if (!old.Contains(file) && new FileInfo(file).Length > 0)
                {
                    var ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                    any = double.IsNaN(any) ? ms : any;
                    video = double.IsNaN(video) && file.Contains(".video.", StringComparison.Ordinal) ? ms : video;
                }
            }
        }

        await Task.Delay(1);
    }

    return (any, video);
}

static double Percentile(List<double> values, double p)
{
    var sorted = values.Order().ToList();
    return sorted[(int)Math.Clamp(Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
