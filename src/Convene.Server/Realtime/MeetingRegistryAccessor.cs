using Convene.Signalling;

namespace Convene.Server.Realtime;

/// <summary>The meeting registry when a media plane is registered (no media plane, no meetings).</summary>
internal sealed class MeetingRegistryAccessor(IServiceProvider services)
{
    public MeetingRegistry? Registry { get; } =
        SignallingServiceCollectionExtensions.MediaPlaneAvailable(services) ? services.GetRequiredService<MeetingRegistry>() : null;
}
