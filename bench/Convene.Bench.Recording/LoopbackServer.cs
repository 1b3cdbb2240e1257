using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Convene.Bench;

/// <summary>
/// The real server (Kestrel, SQLite) in this process on 127.0.0.1 with an ephemeral port, a temp data dir and an
/// initial API key; warnings only. (The REST bench runs the server as a child process instead, see ADR 0005.)
/// </summary>
/// <typeparam name="TEntryPoint">Any type of the server's assembly (the factory only needs the assembly).</typeparam>
internal abstract class LoopbackServer<TEntryPoint> : WebApplicationFactory<TEntryPoint>
    where TEntryPoint : class
{
    private readonly string _apiKey;

    protected LoopbackServer(string apiKey, string dataDirectoryPrefix)
    {
        _apiKey = apiKey;
        // The factory otherwise guesses the server's content root from the solution layout; the build output has
        // everything the server needs (appsettings.json is copied next to the bench).
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_CONVENE_SERVER", AppContext.BaseDirectory);
        DataDirectory = Path.Combine(Path.GetTempPath(), dataDirectoryPrefix, Guid.NewGuid().ToString("N"));
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
