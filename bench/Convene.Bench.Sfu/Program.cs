using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Convene.Bench.Sfu;
using Convene.Dtls;
using Convene.Ice;
using Convene.Rtp;
using Convene.Sfu;
using Convene.Sfu.Api;
using Convene.Sfu.Media;
using Convene.Sfu.Plane;
using Convene.Sfu.Transport;
using Convene.Sfu.Udp;
using Microsoft.Extensions.Logging.Abstractions;

// Synthetic publishers → N subscribers through the real server-side SFU over UDP loopback with real DTLS-SRTP.
// usage: Convene.Bench.Sfu [subscribers=16] [seconds=5] [publishers=1]
var subscribers = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 16;
var seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var publishers = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1;
var random = new Random(11);
var time = TimeProvider.System;
var batchSends = Environment.GetEnvironmentVariable("BENCH_BATCH") != "0"; // BENCH_BATCH=0: one sendto per datagram
var segmentation = Environment.GetEnvironmentVariable("BENCH_GSO") != "0"; // BENCH_GSO=0: batched, but no UDP GSO
var options = new SfuOptions { Port = 0, BindAddress = "127.0.0.1", BatchSends = batchSends, SegmentationOffload = segmentation };
var socket = new UdpDatagramTransport(options, time, NullLogger<UdpDatagramTransport>.Instance);
await using var plane = new MediaPlane(socket, options, time, random, NullLoggerFactory.Instance);
var clientCert = DtlsCertificate.Generate(time);
using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(seconds + 60));

async Task<(WebRtcTransport Server, BenchClient Client)> ConnectAsync()
{
    var server = new WebRtcTransport(plane.Worker, IceCredentials.Generate(random), plane.Certificate, time, TimeSpan.FromSeconds(30), (uint)random.Next(), null);
    plane.Worker.Register(server);
    var client = new BenchClient(plane.Worker.LocalEndPoint, clientCert, random);
    server.SetRemote(client.Credentials.Ufrag, client.Credentials.Password, clientCert.Fingerprint, localIsDtlsClient: false);
    await client.ConnectAsync(server.LocalCredentials, plane.Certificate.Fingerprint, cts.Token);
    return (server, client);
}

var pubs = new List<(WebRtcTransport Server, BenchClient Client, Producer Producer, uint Ssrc)>();
var subs = new List<(WebRtcTransport Server, BenchClient Client)>();
for (var p = 0; p < publishers; p++)
{
    var (server, client) = await ConnectAsync();
    var ssrc = (uint)random.Next();
    var producer = new Producer($"TR_bench{p:D8}", $"pub{p}", "0", TrackSource.Microphone, new MediaCodec("opus", MediaKind.Audio, 111, 48000),
        ssrc, null, 0, server, null, server.RtcpSsrc, plane.CountersSet, time);
    server.SetProducers([producer]);
    pubs.Add((server, client, producer, ssrc));
}

for (var s = 0; s < subscribers; s++)
{
    var (server, client) = await ConnectAsync();
    var consumers = pubs.Select(p =>
    {
        var c = new Consumer(p.Producer, (uint)random.Next(), 111, new byte[16], server, null, plane.CountersSet, time, random);
        p.Producer.AddConsumer(c);
        return c;
    }).ToList();
    server.SetConsumers(consumers);
    subs.Add((server, client));
}

// Wait until the server installed every SRTP context (posted to the worker).
for (var i = 0; i < 200 && (pubs.Any(p => p.Server.State != MediaConnectionState.Connected) || subs.Any(s => s.Server.State != MediaConnectionState.Connected)); i++)
{
    await Task.Delay(10, cts.Token);
}

var drainSubscribers = Environment.GetEnvironmentVariable("BENCH_DRAIN") == "1";
if (!drainSubscribers)
{
    foreach (var s in subs)
    {
        s.Client.StopReceiving();
    }
}

var workerTid = FindThread("convene-media");

// The worker's own allocations, read on the worker through a tick hook (the packet path must allocate nothing).
var workerAllocated = new long[1];
plane.Worker.AddTickHook(() => Volatile.Write(ref workerAllocated[0], GC.GetAllocatedBytesForCurrentThread()));
var buffer = new byte[1500];
var payload = new byte[1000];
random.NextBytes(payload);
ushort seq = 65000;
uint ts = 0;
var perPublisherRate = 200_000 / Math.Max(1, subscribers); // offered load: enough to saturate one worker core

// Warm-up (JIT tiers, send rings filled once), then the measured run.
Pump(1.0);
await Task.Delay(200, cts.Token);
var before = plane.Counters;
var cpuBefore = ThreadCpuSeconds(workerTid);
var processBefore = Process.GetCurrentProcess().TotalProcessorTime;
var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
var workerAllocatedBefore = Volatile.Read(ref workerAllocated[0]);
var gcBefore = GC.CollectionCount(0);
var stopwatch = Stopwatch.StartNew();
var sent = Pump(seconds);
var elapsed = stopwatch.Elapsed.TotalSeconds;
await Task.Delay(200, cts.Token);
var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
var workerAllocatedDuring = Volatile.Read(ref workerAllocated[0]) - workerAllocatedBefore;
var gcs = GC.CollectionCount(0) - gcBefore;
var after = plane.Counters;
var workerCpu = ThreadCpuSeconds(workerTid) - cpuBefore;
var processCpu = (Process.GetCurrentProcess().TotalProcessorTime - processBefore).TotalSeconds;
var forwarded = after.RtpForwarded - before.RtpForwarded;
var received = subs.Sum(s => s.Client.Received);

// Raw UDP sendto rate, same process, same packet size, one thread.
using var sink = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
sink.Bind(new IPEndPoint(IPAddress.Loopback, 0));
sink.ReceiveBufferSize = 4 * 1024 * 1024;
using var raw = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
raw.SendBufferSize = 4 * 1024 * 1024;
var sinkAddress = sink.LocalEndPoint!.Serialize();
var rawStopwatch = Stopwatch.StartNew();
var rawCount = 0L;
var rawCpuBefore = CurrentThreadCpuSeconds();
while (rawStopwatch.Elapsed.TotalSeconds < 2)
{
    raw.SendTo(buffer.AsSpan(0, 1040), SocketFlags.None, sinkAddress);
    rawCount++;
}

var rawCpu = CurrentThreadCpuSeconds() - rawCpuBefore;
var rawWallRate = rawCount / rawStopwatch.Elapsed.TotalSeconds;
var rawRate = rawCpu > 0 ? rawCount / rawCpu : rawWallRate; // per core, like the worker figure
var perCore = workerCpu > 0 ? forwarded / workerCpu : 0;
Console.WriteLine(FormattableString.Invariant($"batch-sends={batchSends} gso={socket.SegmentationActive} (fallbacks {socket.SegmentationFallbacks}) publishers={publishers} subscribers={subscribers} seconds={elapsed:F1} ingress={sent} forwarded={forwarded} received-by-subscribers={received}"));
Console.WriteLine(FormattableString.Invariant($"forwarded pkt/s (wall)         = {forwarded / elapsed:F0}"));
Console.WriteLine(FormattableString.Invariant($"media worker CPU s             = {workerCpu:F2} (process CPU {processCpu:F2} s)"));
Console.WriteLine(FormattableString.Invariant($"forwarded pkt/s per worker core = {perCore:F0}"));
Console.WriteLine(FormattableString.Invariant($"raw sendto pkt/s per core       = {rawRate:F0} (wall {rawWallRate:F0}, thread CPU {rawCpu:F2} s)"));
Console.WriteLine(FormattableString.Invariant($"ratio                          = {(rawRate > 0 ? perCore / rawRate : 0):F2}"));
Console.WriteLine(FormattableString.Invariant($"allocated bytes per forwarded packet (whole process) = {(forwarded > 0 ? (double)allocated / forwarded : 0):F2} ({allocated} B, {gcs} gen0 GCs)"));
Console.WriteLine(FormattableString.Invariant($"media worker allocated bytes    = {workerAllocatedDuring} ({(forwarded > 0 ? (double)workerAllocatedDuring / forwarded : 0):F3} per forwarded packet)"));
Console.WriteLine($"drops: {string.Join(", ", after.Drops.Select(kv => $"{kv.Key}={kv.Value}"))}");

foreach (var s in subs)
{
    await s.Server.CloseAsync();
    await s.Client.DisposeAsync();
}

foreach (var p in pubs)
{
    p.Producer.Close();
    await p.Server.CloseAsync();
    await p.Client.DisposeAsync();
}

long Pump(double duration)
{
    var watch = Stopwatch.StartNew();
    var count = 0L;
    while (watch.Elapsed.TotalSeconds < duration)
    {
        foreach (var pub in pubs)
        {
            RtpPacketWriter.TryWrite(buffer, 111, seq, ts, pub.Ssrc, false, [], payload, out var n);
            pub.Client.Outbound!.ProtectRtp(buffer, n, out var protectedLength);
            pub.Client.SendRaw(buffer.AsSpan(0, protectedLength));
            count++;
        }

        seq++;
        ts += 960;
        if (count % 64 == 0)
        {
            // Pace to the offered rate so the kernel queue of the SFU socket does not overflow.
            var target = (double)count / (perPublisherRate * publishers);
            while (watch.Elapsed.TotalSeconds < target && watch.Elapsed.TotalSeconds < duration)
            {
                Thread.SpinWait(50);
            }
        }
    }

    return count;
}

// CPU time from schedstat (nanoseconds of run time, not 10 ms ticks): other builds on the shared cores then change
// the wall-clock rate, but hardly the CPU cost per packet.
static double CurrentThreadCpuSeconds() => SchedstatSeconds("/proc/thread-self/schedstat");

static double SchedstatSeconds(string path)
{
    var text = File.ReadAllText(path);
    return long.Parse(text.AsSpan(0, text.IndexOf(' ', StringComparison.Ordinal)), CultureInfo.InvariantCulture) / 1e9;
}

static int FindThread(string prefix)
{
    foreach (var dir in Directory.GetDirectories("/proc/self/task"))
    {
        var comm = File.ReadAllText(Path.Combine(dir, "comm")).Trim();
        if (comm.StartsWith(prefix[..Math.Min(prefix.Length, 15)], StringComparison.Ordinal))
        {
            return int.Parse(Path.GetFileName(dir), CultureInfo.InvariantCulture);
        }
    }

    return -1;
}

static double ThreadCpuSeconds(int tid) => tid < 0 ? 0 : SchedstatSeconds($"/proc/self/task/{tid}/schedstat");
