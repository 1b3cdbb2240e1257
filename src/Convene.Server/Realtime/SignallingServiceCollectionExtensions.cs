using Convene.Domain.Meetings;
using Convene.Domain.Recordings;
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
    /// The meeting registry (also the rooms' <see cref="IMeetingControl"/>) and the WebSocket signalling service over
    /// the media plane (<see cref="IMediaPlane"/>, registered by <c>AddConveneMedia</c>).
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
        services.AddSingleton<IMeetingControl>(sp => sp.GetRequiredService<MeetingRegistry>());
        services.AddSingleton<IRecordingNotifications>(sp => new MeetingRecordingNotifications(sp.GetRequiredService<MeetingRegistry>()));
        services.AddHostedService<SignallingShutdown>();
        return builder;
    }
}
