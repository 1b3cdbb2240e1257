using Convene.Sfu;
using Convene.Sfu.Api;
using Convene.Sfu.Plane;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Convene.Sfu.Udp;

/// <summary>Registers the media plane on the UDP socket.</summary>
public static class SfuServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="SfuOptions"/> from the <c>Sfu</c> section and registers <see cref="IMediaPlane"/> (a
    /// singleton <see cref="MediaPlane"/> on one <see cref="UdpDatagramTransport"/>; the socket binds on first use).
    /// </summary>
    public static IServiceCollection AddConveneSfu(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<SfuOptions>(configuration.GetSection(SfuOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SfuOptions>>().Value;
            var time = sp.GetRequiredService<TimeProvider>();
            var loggers = sp.GetRequiredService<ILoggerFactory>();
            var socket = new UdpDatagramTransport(options, time, loggers.CreateLogger<UdpDatagramTransport>());
            return new MediaPlane(socket, options, time, Random.Shared, loggers);
        });
        services.TryAddSingleton<IMediaPlane>(sp => sp.GetRequiredService<MediaPlane>());
        return services;
    }
}
