using System.Net;
using Convene.Domain.Meetings;
using Convene.Sfu.Api;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Convene.Bench.Recording;

/// <summary>
/// The real server (Kestrel on 127.0.0.1, ephemeral port, SQLite in a temp dir, the real recording lifecycle and
/// ffmpeg composite) in this process; only the media plane is the bench's: rooms of synthetic publishers.
/// </summary>
/// <remarks>
/// The factory's type argument only names the server's assembly; the bench's own top-level <c>Program</c> hides the
/// server's, so a public server type stands in for it.
/// </remarks>
internal sealed class BenchServer : WebApplicationFactory<Convene.Server.Recordings.RecordingOptions>
{
    public const string ApiKey = "bench-recording-api-key";

    public BenchServer()
    {
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_CONVENE_SERVER", AppContext.BaseDirectory);
        DataDirectory = Path.Combine(Path.GetTempPath(), "convene-bench-recording-server", Guid.NewGuid().ToString("N"));
        this.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public string DataDirectory { get; }

    public BenchPlane Plane { get; } = new();

    public Uri Address
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
            return new Uri(addresses.Addresses.First());
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Convene:DataDirectory", DataDirectory);
        builder.UseSetting("Convene:InitialApiKey", ApiKey);
        builder.UseSetting("Convene:Sfu:Port", "0");
        builder.UseSetting("Convene:Sfu:BindAddress", "127.0.0.1");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IMediaPlane>(Plane);
            services.AddSingleton<IMeetingControl>(Plane);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }

        GC.SuppressFinalize(this);
    }
}
