namespace Convene.Domain.Rooms;

/// <summary>How a deletion outcome maps onto HTTP: 200, 202, 409 or 404.</summary>
public enum RoomDeletionKind
{
    Done,
    Scheduled,
    Conflict,
    NotFound,
}
