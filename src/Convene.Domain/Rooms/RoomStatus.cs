namespace Convene.Domain.Rooms;

/// <summary>Whether a room can host a meeting, hosts one now, or refuses joins (contract §3.1).</summary>
public enum RoomStatus
{
    Open,
    ActiveMeeting,
    Closed,
}
