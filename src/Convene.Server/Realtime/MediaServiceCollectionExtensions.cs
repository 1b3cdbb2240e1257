using Convene.Sfu.Api;
using Convene.Sfu.Plane;
using Convene.Sfu.Udp;

namespace Convene.Server.Realtime;

/// <summary>Registers the SFU (section <c>Convene:Sfu</c>) and binds its UDP port when the host starts.</summary>
internal static partial class MediaServiceCollectionExtensions
{
    public static WebApplicationBuilder AddConveneMedia(this WebApplicationBuilder builder)
    {
        builder.Services.AddConveneSfu(builder.Configuration.GetSection(ConveneOptions.Section));
        builder.Services.AddHostedService<MediaPlaneStartup>();
        return builder;
    }

    /// <summary>
    /// Resolves the media plane at start so a taken UDP port fails the start with a clear message instead of the
    /// first join; the container disposes it (closing every room and the socket) after the hosted services stop.
    /// </summary>
    private sealed partial class MediaPlaneStartup(IServiceProvider services, ILogger<MediaPlaneStartup> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            var plane = services.GetRequiredService<IMediaPlane>() as MediaPlane;
            if (plane is not null)
            {
                var announced = string.Join(", ", plane.AnnouncedAddresses);
                LogMediaReady(logger, plane.LocalEndPoint, announced);
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Media on UDP {Endpoint}, announced to browsers as {Announced}")]
        private static partial void LogMediaReady(ILogger logger, System.Net.IPEndPoint endpoint, string announced);
    }
}
