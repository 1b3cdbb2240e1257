using Convene.Domain.Meetings;
using Convene.Sfu.Api;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Convene.Bench.Recording;

/// <summary>
/// The real server on loopback (<see cref="LoopbackServer{TEntryPoint}"/>: Kestrel, SQLite, the real recording
/// lifecycle and ffmpeg composite); only the media plane is the bench's: rooms of synthetic publishers.
/// </summary>
/// <remarks>
/// The bench's own top-level <c>Program</c> hides the server's, so a public server type names the server's assembly.
/// </remarks>
internal sealed class BenchServer() : LoopbackServer<Convene.Server.Recordings.RecordingOptions>(ApiKey, "convene-bench-recording-server")
{
    public const string ApiKey = "bench-recording-api-key";

    public BenchPlane Plane { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Convene:Sfu:Port", "0");
        builder.UseSetting("Convene:Sfu:BindAddress", "127.0.0.1");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IMediaPlane>(Plane);
            services.AddSingleton<IMeetingControl>(Plane);
        });
    }
}
