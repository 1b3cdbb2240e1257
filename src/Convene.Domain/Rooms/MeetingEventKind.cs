namespace Convene.Domain.Rooms;

/// <summary>The meeting webhooks of contract §6.1.</summary>
public enum MeetingEventKind
{
    /// <summary><c>meetingStarted</c>: the room is now <c>active_meeting</c>.</summary>
    Started,

    /// <summary><c>meetingEnded</c>: the room as processed (open, closed, or unchanged when it is being deleted).</summary>
    Ended,
}
