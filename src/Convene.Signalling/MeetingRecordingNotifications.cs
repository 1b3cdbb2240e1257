using Convene.Domain.Recordings;

namespace Convene.Signalling;

/// <summary>
/// Tells meetings about their room's recording (<c>recordingStatus</c> of docs/protocol.md) once the change is saved.
/// Register it as an <see cref="IRecordingNotifications"/>; it never fails the recording change it is told about.
/// </summary>
public sealed class MeetingRecordingNotifications(MeetingRegistry registry) : IRecordingNotifications
{
    public Task RecordingSavedAsync(RecordingEventKind kind, Recording recording, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recording);
        return registry.RecordingStatusChangedAsync(recording.RoomId, recording.Status, recording.RecordingId, recording.StartDate);
    }
}
