namespace Convene.Domain.Meetings;

/// <summary>
/// What the meeting layer (signalling) needs from rooms. Implemented by the room service; the meeting layer calls
/// it when a meeting starts (first join) and when it ends (last departure after the timeout, or ended by a moderator
/// or the API).
/// </summary>
public interface IMeetingRoomDirectory
{
    /// <summary>The room as a meeting sees it, or null when the room does not exist.</summary>
    Task<MeetingRoomView?> FindAsync(string roomId, CancellationToken cancellationToken);

    /// <summary>Records that the room now hosts a meeting (status <c>active_meeting</c>).</summary>
    Task MeetingStartedAsync(string roomId, CancellationToken cancellationToken);

    /// <summary>
    /// Records that the meeting ended and carries out the room's <c>meetingEndAction</c>: none → status <c>open</c>,
    /// close → <c>closed</c>, delete → the room (and, per its policy, its recordings) is deleted.
    /// </summary>
    Task MeetingEndedAsync(string roomId, CancellationToken cancellationToken);
}
