namespace Convene.Domain.Rooms;

/// <summary>
/// Receives meeting start/end events from <see cref="RoomService"/>. Called in the same DI scope and <b>before</b> the
/// room change is saved through <see cref="IRoomRepository"/>, so an implementation that adds rows to the same unit of
/// work (the webhook outbox) commits atomically with the change. <paramref name="room"/> is the state being saved.
/// </summary>
public interface IRoomEvents
{
    Task OnMeetingEventAsync(MeetingEventKind kind, Room room, CancellationToken cancellationToken);
}
