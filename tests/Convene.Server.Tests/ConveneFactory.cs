using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Convene.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Convene.Server.Tests;

/// <summary>
/// The real server over an in-process test host, with SQLite in its own temp directory, a fake clock and the
/// initial API key <see cref="ApiKey"/>. Pass the same directory to two factories to test restarts.
/// </summary>
public sealed class ConveneFactory : WebApplicationFactory<Program>
{
    public const string ApiKey = "meet-api-key";

    private readonly bool _ownsDirectory;

    public ConveneFactory(string? dataDirectory = null, Action<IServiceCollection>? configureServices = null)
    {
        _ownsDirectory = dataDirectory is null;
        DataDirectory = dataDirectory ?? NewTempDirectory();
        ConfigureServices = configureServices;
    }

    public string DataDirectory { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    private Action<IServiceCollection>? ConfigureServices { get; }

    public static string NewTempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "convene-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Convene:DataDirectory", DataDirectory);
        builder.UseSetting("Convene:Sfu:Port", "0");
        builder.UseSetting("Convene:Sfu:BindAddress", "127.0.0.1");
        builder.UseSetting("Convene:InitialApiKey", ApiKey);
        builder.UseSetting("Convene:MaxRequestBodyBytes", "65536");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            ConfigureServices?.Invoke(services);
        });
    }

    /// <summary>A client sending the valid API key.</summary>
    public HttpClient ApiClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-API-KEY", ApiKey);
        return client;
    }

    /// <summary>Logs in as admin/admin and returns (access, refresh).</summary>
    public async Task<(string Access, string Refresh)> LoginAsync()
    {
        using var client = CreateClient();
        var response = await client.PostAsJsonAsync("/internal-api/v1/auth/login", new { username = "admin", password = "admin" });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("accessToken").GetString()!, body.GetProperty("refreshToken").GetString()!);
    }

    public HttpClient BearerClient(string accessToken)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    /// <summary>Runs <paramref name="action"/> with a scoped service provider (repositories, RoomService, DbContext).</summary>
    public async Task InScopeAsync(Func<IServiceProvider, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider);
    }

    /// <summary>Inserts a recording row for the room, as the recordings work will.</summary>
    public Task AddRecordingAsync(string roomId) => InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<ConveneDbContext>();
        var uid = Guid.NewGuid().ToString("N")[..10];
        db.Recordings.Add(new Domain.Recordings.Recording
        {
            RecordingId = roomId + "--EG_test--" + uid,
            RoomId = roomId,
            RoomName = "Room",
            Status = Domain.Recordings.RecordingStatus.Complete,
            Filename = roomId + "--" + uid + ".mp4",
            PublicSecret = "0123456789",
            PrivateSecret = "9876543210",
        });
        await db.SaveChangesAsync();
    });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_ownsDirectory)
        {
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // best effort: a temp directory left behind is harmless
            }
        }
    }
}
