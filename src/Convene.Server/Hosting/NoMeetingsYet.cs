using Convene.Domain.Meetings;

namespace Convene.Server.Hosting;

/// <summary>
/// Placeholder meeting layer until signalling lands: no room ever has a meeting on this node. Signalling replaces
/// this registration with its meeting registry.
/// </summary>
internal sealed class NoMeetingsYet : IMeetingControl
{
    public bool HasActiveMeeting(string roomId) => false;

    public Task EndMeetingAsync(string roomId, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task RoomConfigChangedAsync(string roomId, CancellationToken cancellationToken) => Task.CompletedTask;
}
