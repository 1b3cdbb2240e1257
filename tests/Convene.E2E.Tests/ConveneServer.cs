using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Convene.E2E.Tests;

/// <summary>
/// The whole server as users run it: Kestrel on 127.0.0.1 (any free port), the real SFU on a free UDP port on
/// 127.0.0.1, SQLite and files in a temp directory, the built web app, the system clock. Browsers reach it at
/// <see cref="BaseUrl"/>.
/// </summary>
public sealed class ConveneServer : WebApplicationFactory<Program>
{
    public const string ApiKey = "e2e-api-key";

    private readonly Dictionary<string, string?> _settings;

    /// <param name="settings">Extra configuration (e.g. <c>Convene:Meetings:DepartureTimeout</c>).</param>
    public ConveneServer(IReadOnlyDictionary<string, string?>? settings = null)
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "convene-e2e", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        _settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
    }

    public string DataDirectory { get; }

    /// <summary>Where the browser goes, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUrl { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Convene:DataDirectory", DataDirectory);
        builder.UseSetting("Convene:InitialApiKey", ApiKey);
        builder.UseSetting("Convene:Sfu:Port", "0");
        builder.UseSetting("Convene:Sfu:BindAddress", "127.0.0.1");
        builder.UseSetting("Logging:LogLevel:Default", Environment.GetEnvironmentVariable("CONVENE_TEST_LOG") ?? "Warning");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A real HTTP client to <see cref="BaseUrl"/> sending the API key.</summary>
    public HttpClient Api()
    {
        var client = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-API-KEY", ApiKey);
        return client;
    }

    /// <summary>Creates a room over the public API and returns its id and role links.</summary>
    public async Task<TestRoom> CreateRoomAsync(string name, object? config = null, CancellationToken cancellationToken = default)
    {
        using var api = Api();
        object body = config is null ? new { roomName = name } : new { roomName = name, config };
        using var response = await api.PostAsJsonAsync("api/v1/rooms", body, cancellationToken);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Creating room '{name}' answered {(int)response.StatusCode}: {created}");
        }

        return new TestRoom(
            created.GetProperty("roomId").GetString()!,
            new Uri(created.GetProperty("moderatorUrl").GetString()!),
            new Uri(created.GetProperty("speakerUrl").GetString()!));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a dying child process; the temp directory is cleaned by the OS.
        }
    }
}

/// <summary>A room created for a test, with its moderator and speaker links (absolute, on the test server).</summary>
public sealed record TestRoom(string RoomId, Uri ModeratorUrl, Uri SpeakerUrl);
