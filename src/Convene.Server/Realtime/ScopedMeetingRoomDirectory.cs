using Convene.Domain.Meetings;

namespace Convene.Server.Realtime;

/// <summary>
/// The meeting registry is a singleton but the room service is scoped (it owns a DbContext): each call runs the
/// scoped <see cref="IMeetingRoomDirectory"/> in a scope of its own.
/// </summary>
internal sealed class ScopedMeetingRoomDirectory(IServiceScopeFactory scopes) : IMeetingRoomDirectory
{
    public async Task<MeetingRoomView?> FindAsync(string roomId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMeetingRoomDirectory>().FindAsync(roomId, cancellationToken);
    }

    public async Task MeetingStartedAsync(string roomId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMeetingRoomDirectory>().MeetingStartedAsync(roomId, cancellationToken);
    }

    public async Task MeetingEndedAsync(string roomId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMeetingRoomDirectory>().MeetingEndedAsync(roomId, cancellationToken);
    }
}
