namespace Convene.Domain.Recordings;

/// <summary>
/// Receives recording lifecycle events. Every registered implementation is called (the webhook outbox). It is
/// called in the same DI scope and <b>before</b> the state change is saved through
/// <see cref="IRecordingRepository"/>, so an implementation that adds rows to the same unit of work (the webhook
/// outbox) commits atomically with the change. <paramref name="recording"/> is the state being saved. Telling the
/// room's participants belongs in <see cref="IRecordingNotifications"/>, which runs after the save.
/// </summary>
public interface IRecordingEvents
{
    Task OnRecordingEventAsync(RecordingEventKind kind, Recording recording, CancellationToken cancellationToken);
}
