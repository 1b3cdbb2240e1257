using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Convene.Bench.Rest;

/// <summary>The real server (Kestrel, SQLite) in this process on 127.0.0.1 with an ephemeral port and a temp data dir.</summary>
internal sealed class InProcessServer : WebApplicationFactory<Program>
{
    private readonly string _apiKey;

    public InProcessServer(string apiKey)
    {
        _apiKey = apiKey;
        // The factory otherwise guesses the server's content root from the solution layout; the build output has
        // everything the server needs (appsettings.json is copied next to the bench).
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_CONVENE_SERVER", AppContext.BaseDirectory);
        DataDirectory = Path.Combine(Path.GetTempPath(), "convene-bench", Guid.NewGuid().ToString("N"));
        this.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public string DataDirectory { get; }

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
        builder.UseSetting("Convene:InitialApiKey", _apiKey);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
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
