using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Convene.Sfu.Api;
using Convene.Signalling.Tests.Fakes;
using Convene.Testing.Signalling;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Convene.Signalling.Tests.Host;

/// <summary>
/// The real server in-process (SQLite in a temp dir, real tokens, rooms and meetings) with the media plane replaced
/// by <see cref="FakeMediaPlane"/> and short signalling timeouts so timeout paths run in well under a second.
/// </summary>
public sealed class SignallingFactory : WebApplicationFactory<Program>
{
    public const string ApiKey = "meet-api-key";

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "convene-signalling-tests", Guid.NewGuid().ToString("N"));

    public FakeMediaPlane Media { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_dataDirectory);
        builder.UseSetting("Convene:DataDirectory", _dataDirectory);
        builder.UseSetting("Convene:Sfu:Port", "0");
        builder.UseSetting("Convene:Sfu:BindAddress", "127.0.0.1");
        builder.UseSetting("Convene:InitialApiKey", ApiKey);
        builder.UseSetting("Convene:Signalling:JoinTimeout", "00:00:02");
        builder.UseSetting("Convene:Signalling:IdleTimeout", "00:00:03");
        builder.UseSetting("Convene:Signalling:CloseGrace", "00:00:00.500");
        builder.UseSetting("Convene:Meetings:DepartureTimeout", "00:00:01");
        builder.UseSetting("Logging:LogLevel:Default", Environment.GetEnvironmentVariable("CONVENE_TEST_LOG") ?? "Warning");
        builder.ConfigureTestServices(services => services.AddSingleton<IMediaPlane>(Media));
    }

    public HttpClient ApiClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-API-KEY", ApiKey);
        return client;
    }

    /// <summary>Creates a room through the REST API; returns its id and both secrets.</summary>
    public async Task<(string RoomId, string ModeratorSecret, string SpeakerSecret)> CreateRoomAsync(bool chat = true)
    {
        using var client = ApiClient();
        var response = await client.PostAsJsonAsync("/api/v1/rooms", new { roomName = "Standup", config = new { chat = new { enabled = chat } } });
        response.EnsureSuccessStatusCode();
        var room = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (room.GetProperty("roomId").GetString()!, SecretOf(room.GetProperty("moderatorUrl").GetString()!), SecretOf(room.GetProperty("speakerUrl").GetString()!));
    }

    private static string SecretOf(string roomUrl) =>
        roomUrl[(roomUrl.IndexOf("secret=", StringComparison.Ordinal) + 7)..].Split('&')[0];

    /// <summary>A room member token with join permission; returns it with the participant identity (<c>sub</c>).</summary>
    public async Task<(string Token, string Identity)> TokenAsync(string roomId, string secret, string name)
    {
        using var client = CreateClient();
        var response = await client.PostAsJsonAsync($"/internal-api/v1/rooms/{roomId}/token", new { secret, grantJoinMeetingPermission = true, participantName = name });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        var payload = token.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        var claims = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload))).RootElement;
        return (token, claims.GetProperty("sub").GetString()!);
    }

    public async Task<TestSignallingClient> ConnectAsync()
    {
        var ws = Server.CreateWebSocketClient();
        var socket = await ws.ConnectAsync(new Uri(Server.BaseAddress, "/ws/v1/rtc"), TestContext.Current.CancellationToken);
        return new TestSignallingClient(socket);
    }

    /// <summary>Connects and joins; waits for <c>joined</c>.</summary>
    public async Task<(TestSignallingClient Client, string Identity)> JoinAsync(string roomId, string secret, string name)
    {
        var (token, identity) = await TokenAsync(roomId, secret, name);
        var client = await ConnectAsync();
        await client.JoinAsync(token);
        await client.WaitForAsync("joined");
        return (client, identity);
    }

    public HttpClient MemberClient(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Room-Member-Token", "Bearer " + token);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }
}
