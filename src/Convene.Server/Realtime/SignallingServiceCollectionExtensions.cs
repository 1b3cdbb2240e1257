using Convene.Domain.Meetings;
using Convene.Server.Hosting;
using Convene.Sfu.Api;
using Convene.Signalling;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Convene.Server.Realtime;

/// <summary>Registers the meeting registry, the signalling service and their adapters to rooms and tokens.</summary>
internal static class SignallingServiceCollectionExtensions
{
    public const string SignallingSection = "Convene:Signalling";
    public const string MeetingsSection = "Convene:Meetings";

    /// <summary>
    /// Call after <c>AddConveneRooms</c>: replaces its placeholder <see cref="IMeetingControl"/> with the meeting
    /// registry. The media plane (<see cref="IMediaPlane"/>) is registered by the SFU; while none is registered
    /// there can be no meetings, so the placeholder stays in effect and the WebSocket endpoint answers 503.
    /// </summary>
    public static WebApplicationBuilder AddConveneSignalling(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SignallingOptions>().BindConfiguration(SignallingSection);
        services.AddOptions<MeetingOptions>().BindConfiguration(MeetingsSection)
            .Validate(o => o.DepartureTimeout > TimeSpan.Zero, "Convene:Meetings:DepartureTimeout must be positive").ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ScopedMeetingRoomDirectory>();
        services.AddSingleton<IRoomMemberTokenValidator, RoomMemberTokenValidator>();
        services.AddSingleton(sp => new MeetingRegistry(
            sp.GetRequiredService<ScopedMeetingRoomDirectory>(),
            sp.GetRequiredService<IMediaPlane>(),
            sp.GetRequiredService<IOptions<MeetingOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<MeetingRegistry>>()));
        services.AddSingleton(sp => new SignallingService(
            sp.GetRequiredService<MeetingRegistry>(),
            sp.GetRequiredService<IRoomMemberTokenValidator>(),
            sp.GetRequiredService<IOptions<SignallingOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>()));
        services.RemoveAll<IMeetingControl>();
        services.AddSingleton<IMeetingControl>(sp => MediaPlaneAvailable(sp) ? sp.GetRequiredService<MeetingRegistry>() : new NoMeetingsYet());
        services.AddSingleton<MeetingRegistryAccessor>();
        services.AddHostedService<SignallingShutdown>();
        return builder;
    }

    public static bool MediaPlaneAvailable(IServiceProvider services) =>
        services.GetService<IServiceProviderIsService>()?.IsService(typeof(IMediaPlane)) == true;
}
