using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Convene.Domain.Meetings;
using Convene.Sfu.Api;
using Convene.Server.Recordings;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Convene.Recording.Tests;

/// <summary>The real server in-process with a fake media plane, SQLite in a temp directory and an API key.</summary>
public sealed class RecordingHost : WebApplicationFactory<Program>
{
    public const string ApiKey = "rec-api-key";

    private readonly Dictionary<string, string> _settings;
    private readonly Action<IServiceCollection>? _services;

    public RecordingHost(string? dataDirectory = null, Dictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
    {
        DataDirectory = dataDirectory ?? MediaFixtures.NewDirectory();
        _settings = settings ?? [];
        _services = services;
    }

    public string DataDirectory { get; }

    internal FakeMediaPlane Plane { get; } = new();

    internal RecordingLifecycle Lifecycle => Services.GetRequiredService<RecordingLifecycle>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Convene:DataDirectory", DataDirectory);
        builder.UseSetting("Convene:Sfu:Port", "0");
        builder.UseSetting("Convene:Sfu:BindAddress", "127.0.0.1");
        builder.UseSetting("Convene:InitialApiKey", ApiKey);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IMediaPlane>(Plane);
            services.AddSingleton<IMeetingControl>(Plane);
            _services?.Invoke(services);
        });
    }

    public HttpClient Api()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-API-KEY", ApiKey);
        return client;
    }

    public HttpClient Anonymous() => CreateClient();

    public async Task<HttpClient> AdminAsync()
    {
        using var client = CreateClient();
        var response = await client.PostAsJsonAsync("/internal-api/v1/auth/login", new { username = "admin", password = "admin" });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        var admin = CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return admin;
    }

    /// <summary>Creates a room (optionally with a recording config) and returns (roomId, moderatorSecret, speakerSecret).</summary>
    public async Task<(string RoomId, string Moderator, string Speaker)> CreateRoomAsync(string name = "Rec Room", object? recording = null)
    {
        using var api = Api();
        object body = recording is null ? new { roomName = name } : new { roomName = name, config = new { recording } };
        var response = await api.PostAsJsonAsync("/api/v1/rooms", body);
        response.EnsureSuccessStatusCode();
        var room = await response.Content.ReadFromJsonAsync<JsonElement>();
        static string Secret(JsonElement room, string url) => room.GetProperty(url).GetString()!.Split("secret=")[1];
        return (room.GetProperty("roomId").GetString()!, Secret(room, "moderatorUrl"), Secret(room, "speakerUrl"));
    }

    /// <summary>A client carrying a room member token obtained with <paramref name="secret"/>.</summary>
    public async Task<HttpClient> MemberAsync(string roomId, string secret)
    {
        using var client = CreateClient();
        var response = await client.PostAsJsonAsync("/internal-api/v1/rooms/" + roomId + "/token", new { secret });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        var member = CreateClient();
        member.DefaultRequestHeaders.Add("X-Room-Member-Token", "Bearer " + token);
        return member;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
