namespace Convene.Domain.Recordings;

/// <summary>
/// Which rooms are being recorded right now on this node; the meeting layer reads it for <c>joined.meeting.recording</c>
/// and implements <see cref="IRecordingNotifications"/> (register it) for <c>recordingStatus</c> changes.
/// </summary>
public interface IActiveRecordings
{
    /// <summary>The id of the room's running recording (starting or active), or null.</summary>
    string? ActiveRecordingId(string roomId);
}
