namespace Convene.Domain.Rooms;

/// <summary>The result of <c>PUT …/status</c>: applied now, scheduled for the meeting's end, refused, or missing room.</summary>
public enum RoomStatusChange
{
    Applied,
    ScheduledAtMeetingEnd,
    RefusedActiveMeeting,
    NotFound,
}
