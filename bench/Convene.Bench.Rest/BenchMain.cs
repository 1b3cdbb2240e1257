using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Convene.Bench.Rest;

/// <summary>
/// Loopback REST load against the real server in its own process: creates rooms, then GETs rooms and the bare-Kestrel
/// floor (also its own process) in alternation, each measurement repeated, printing req/s, p50/p95/p99, the median and
/// spread of the repeats, the GET/floor ratio and the server's CPU time per request. Everything is bounded in count
/// and time.
/// </summary>
internal static class BenchMain
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == FloorServer.Switch)
        {
            return await FloorServer.RunAsync(args[1..]);
        }

        var options = BenchOptions.Parse(args);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(20));
        await using var floor = await ChildServer.StartFloorAsync(cancel.Token);
        await using var server = options.Url is null ? await ChildServer.StartConveneAsync(options.ResolveServerDll(), options.ApiKey, cancel.Token) : null;
        var baseUrl = options.Url ?? server!.Address;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Convene REST bench → {baseUrl} (pid {server?.ProcessId.ToString(CultureInfo.InvariantCulture) ?? "external"}), floor → {floor.Address}  rooms={options.Rooms} clients={options.Clients} duration={options.Duration.TotalSeconds:F0}s repeats={options.Repeats} cores={Environment.ProcessorCount}"));

        using var client = NewClient(baseUrl, options);
        using var floorClient = NewClient(floor.Address, options);

        // Warm-up: JIT and tiering in both servers, connection pools, SQLite page cache.
        await LoadRunner.RunAsync("warmup", options.Clients, 2000, TimeSpan.FromSeconds(3), (_, ct) => GetAsync(client, "/health", ct), cancel.Token);
        await LoadRunner.RunAsync("warmup floor", options.Clients, 2000, TimeSpan.FromSeconds(3), (_, ct) => GetAsync(floorClient, "/floor/x", ct), cancel.Token);

        var creates = new List<LatencyStats>();
        var cpuPerCreate = new List<double>();
        var ids = new List<string>();
        for (var round = -1; round < options.Repeats; round++)
        {
            // Round -1 warms the create and get paths and is not reported. It creates three rounds' worth of rooms:
            // EF Core's insert path needs a few thousand calls before tiered compilation has finished with it.
            var count = round < 0 ? options.Rooms * 3 : options.Rooms;
            var batch = new string?[count];
            var label = "POST /rooms";
            var createCpuBefore = server?.CpuTime() ?? TimeSpan.Zero;
            var stats = await LoadRunner.RunAsync(label, options.Clients, count, TimeSpan.FromMinutes(2), async (i, ct) =>
            {
                using var response = await client.PostAsJsonAsync("/api/v1/rooms", new { roomName = "Bench room " + i.ToString(CultureInfo.InvariantCulture) }, ct);
                if (!response.IsSuccessStatusCode)
                {
                    return false;
                }

                var room = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
                batch[i] = room.GetProperty("roomId").GetString();
                return true;
            }, cancel.Token);
            ids.AddRange(batch.OfType<string>());
            if (round < 0)
            {
                var warm = ids.ToArray();
                await LoadRunner.RunAsync("warmup get", options.Clients, 5000, TimeSpan.FromSeconds(3),
                    (i, ct) => GetAsync(client, "/api/v1/rooms/" + warm[i % warm.Length], ct), cancel.Token);
            }
            else
            {
                creates.Add(stats);
                if (server is not null && stats.Count > 0)
                {
                    cpuPerCreate.Add((server.CpuTime() - createCpuBefore).TotalMicroseconds / stats.Count);
                }
            }
        }

        if (ids.Count == 0)
        {
            Console.WriteLine("No room could be created; check the URL and API key.");
            return 1;
        }

        var created = ids.ToArray();
        var floors = new List<LatencyStats>();
        var gets = new List<LatencyStats>();
        var cpuPerRequest = new List<double>();
        for (var round = 0; round < options.Repeats; round++)
        {
            floors.Add(await LoadRunner.RunAsync("GET floor (Kestrel)", options.Clients, int.MaxValue, options.Duration,
                (_, ct) => GetAsync(floorClient, "/floor/x", ct), cancel.Token));

            var cpuBefore = server?.CpuTime() ?? TimeSpan.Zero;
            var get = await LoadRunner.RunAsync("GET /rooms/{id}", options.Clients, int.MaxValue, options.Duration,
                (i, ct) => GetAsync(client, "/api/v1/rooms/" + created[i % created.Length], ct), cancel.Token);
            var cpuUsed = (server?.CpuTime() ?? TimeSpan.Zero) - cpuBefore;
            gets.Add(get);
            if (server is not null && get.Count > 0)
            {
                cpuPerRequest.Add(cpuUsed.TotalMicroseconds / get.Count);
            }
        }

        var list = await LoadRunner.RunAsync("GET /rooms?maxItems=10", options.Clients, int.MaxValue, options.Duration / 2,
            (_, ct) => GetAsync(client, "/api/v1/rooms?maxItems=10", ct), cancel.Token);

        Console.WriteLine();
        foreach (var stats in creates.Concat(floors).Concat(gets).Append(list))
        {
            Console.WriteLine(stats.Format());
        }

        Console.WriteLine();
        var ratios = gets.Zip(floors, (g, f) => f.RequestsPerSecond > 0 ? g.RequestsPerSecond / f.RequestsPerSecond : 0).ToList();
        Console.WriteLine(Summary("POST /rooms", creates));
        Console.WriteLine(Summary("GET floor (Kestrel)", floors));
        Console.WriteLine(Summary("GET /rooms/{id}", gets));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"GET room / floor ratio: median {Median(ratios):F2} (runs {string.Join(", ", ratios.Select(r => r.ToString("F2", CultureInfo.InvariantCulture)))})"));
        PrintCpu("POST", cpuPerCreate);
        PrintCpu("GET", cpuPerRequest);

        var getRate = Median(gets.Select(g => g.RequestsPerSecond));
        var getP95 = Median(gets.Select(g => g.Percentile(95)));
        var createP95 = Median(creates.Select(c => c.Percentile(95)));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"targets: GET p95 ≤ 10 ms ({Verdict(getP95 <= 10)}, {getP95:F2}), create p95 ≤ 10 ms ({Verdict(createP95 <= 10)}, {createP95:F2}), ≥ 5000 GET/s ({Verdict(getRate >= 5000)}, {getRate:F0})"));
        var errors = creates.Concat(floors).Concat(gets).Append(list).Sum(s => s.Errors);
        return errors == 0 ? 0 : 2;
    }

    private static HttpClient NewClient(Uri baseUrl, BenchOptions options)
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        var client = new HttpClient(handler, disposeHandler: true) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-API-KEY", options.ApiKey);
        return client;
    }

    private static async Task<bool> GetAsync(HttpClient client, string path, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(path, cancellationToken);
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        return response.IsSuccessStatusCode;
    }

    private static string Verdict(bool met) => met ? "met" : "missed";

    private static void PrintCpu(string method, List<double> microsecondsPerRequest)
    {
        if (microsecondsPerRequest.Count > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"server CPU per {method}: median {Median(microsecondsPerRequest):F0} µs/request (runs {string.Join(", ", microsecondsPerRequest.Select(c => c.ToString("F0", CultureInfo.InvariantCulture)))})"));
        }
    }

    /// <summary>Median of the repeats for req/s and each percentile, with the req/s spread (min–max) across them.</summary>
    private static string Summary(string name, List<LatencyStats> runs)
    {
        var rates = runs.Select(r => r.RequestsPerSecond).ToList();
        var median = Median(rates);
        var spread = median > 0 ? (rates.Max() - rates.Min()) / median * 100 : 0;
        return string.Create(CultureInfo.InvariantCulture,
            $"{name,-22} median of {runs.Count}: {median,7:F0} req/s (min {rates.Min():F0}, max {rates.Max():F0}, spread {spread:F0}%)   p50 {Median(runs.Select(r => r.Percentile(50))):F2} ms   p95 {Median(runs.Select(r => r.Percentile(95))):F2} ms   p99 {Median(runs.Select(r => r.Percentile(99))):F2} ms");
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
