namespace Convene.Domain.Meetings;

/// <summary>
/// What rooms (and the REST API) need from the meeting layer. Implemented by signalling's meeting registry.
/// </summary>
public interface IMeetingControl
{
    /// <summary>Whether a meeting is running in the room on this node.</summary>
    bool HasActiveMeeting(string roomId);

    /// <summary>
    /// Ends the meeting: every participant gets <c>left</c> with reason <c>meeting_ended</c>, then
    /// <see cref="IMeetingRoomDirectory.MeetingEndedAsync"/> runs. Succeeds when there is no meeting.
    /// </summary>
    Task EndMeetingAsync(string roomId, CancellationToken cancellationToken);

    /// <summary>The display name of a participant in the room's meeting on this node; null when not there.</summary>
    string? ParticipantName(string roomId, string participantId);

    /// <summary>Tells the meeting's participants that the room config changed (they re-read it).</summary>
    Task RoomConfigChangedAsync(string roomId, CancellationToken cancellationToken);
}
