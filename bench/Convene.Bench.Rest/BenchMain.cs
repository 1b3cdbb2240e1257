using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Convene.Bench.Rest;

/// <summary>
/// Loopback REST load: creates N rooms with K clients, then GETs rooms (and /health as the baseline) for a bounded
/// time, printing req/s and p50/p95/p99 per operation.
/// </summary>
internal static class BenchMain
{
    public static async Task<int> Main(string[] args)
    {
        var options = BenchOptions.Parse(args);
        await using var server = options.Url is null ? new InProcessServer(options.ApiKey) : null;
        var baseUrl = options.Url ?? server!.Address;
        Console.WriteLine($"Convene REST bench → {baseUrl}  rooms={options.Rooms} clients={options.Clients} duration={options.Duration.TotalSeconds:F0}s  cores={Environment.ProcessorCount}");

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var client = new HttpClient(handler) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-API-KEY", options.ApiKey);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(10));

        // Warm-up: JIT, connection pool, SQLite page cache.
        await LoadRunner.RunAsync("warmup", options.Clients, 500, TimeSpan.FromSeconds(5), async (_, ct) => (await client.GetAsync("/health", ct)).IsSuccessStatusCode, cancel.Token);

        var ids = new string[options.Rooms];
        var create = await LoadRunner.RunAsync("POST /rooms", options.Clients, options.Rooms, TimeSpan.FromMinutes(5), async (i, ct) =>
        {
            using var response = await client.PostAsJsonAsync("/api/v1/rooms", new { roomName = "Bench room " + i.ToString(CultureInfo.InvariantCulture) }, ct);
            if (!response.IsSuccessStatusCode)
            {
                return false;
            }

            var room = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
            ids[i] = room.GetProperty("roomId").GetString()!;
            return true;
        }, cancel.Token);

        var created = ids.Where(id => id is not null).ToArray();
        if (created.Length == 0)
        {
            Console.WriteLine("No room could be created; check the URL and API key.");
            return 1;
        }

        var health = await LoadRunner.RunAsync("GET /health (baseline)", options.Clients, int.MaxValue, options.Duration / 2, async (_, ct) =>
        {
            using var response = await client.GetAsync("/health", ct);
            return response.IsSuccessStatusCode;
        }, cancel.Token);

        var get = await LoadRunner.RunAsync("GET /rooms/{id}", options.Clients, int.MaxValue, options.Duration, async (i, ct) =>
        {
            using var response = await client.GetAsync("/api/v1/rooms/" + created[i % created.Length], ct);
            await response.Content.LoadIntoBufferAsync(ct);
            return response.IsSuccessStatusCode;
        }, cancel.Token);

        var list = await LoadRunner.RunAsync("GET /rooms?maxItems=10", options.Clients, int.MaxValue, options.Duration / 2, async (_, ct) =>
        {
            using var response = await client.GetAsync("/api/v1/rooms?maxItems=10", ct);
            await response.Content.LoadIntoBufferAsync(ct);
            return response.IsSuccessStatusCode;
        }, cancel.Token);

        Console.WriteLine();
        foreach (var stats in new[] { create, health, get, list })
        {
            Console.WriteLine(stats.Format());
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"GET room / health throughput ratio: {get.RequestsPerSecond / health.RequestsPerSecond:F2}   targets: GET p95 ≤ 10 ms ({(get.Percentile(95) <= 10 ? "met" : "missed")}), ≥ 5000 GET/s ({(get.RequestsPerSecond >= 5000 ? "met" : "missed")})"));
        return create.Errors + get.Errors + health.Errors + list.Errors == 0 ? 0 : 2;
    }
}
