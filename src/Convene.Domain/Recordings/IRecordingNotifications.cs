namespace Convene.Domain.Recordings;

/// <summary>
/// Tells the people in the room about a recording's new state (signalling's <c>recordingStatus</c>). Unlike
/// <see cref="IRecordingEvents"/> it is called <b>after</b> the change is saved, so a client that reacts by reading
/// the recordings API already sees the state it was told about. An implementation must not throw for delivery
/// problems: the change is saved by then and cannot be undone.
/// </summary>
public interface IRecordingNotifications
{
    Task RecordingSavedAsync(RecordingEventKind kind, Recording recording, CancellationToken cancellationToken);
}
