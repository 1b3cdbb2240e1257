namespace Convene.Domain.Rooms;

/// <summary>One page of rooms and whether more follow.</summary>
public sealed record RoomPage(IReadOnlyList<Room> Rooms, bool IsTruncated)
{
    /// <summary>The cursor a following page starts after, or null when this is the last page.</summary>
    public RoomCursor? NextCursor(RoomSortField field)
    {
        if (!IsTruncated || Rooms.Count == 0)
        {
            return null;
        }

        var last = Rooms[^1];
        return field switch
        {
            RoomSortField.RoomName => new RoomCursor(null, last.RoomName, last.RoomId),
            RoomSortField.AutoDeletionDate => new RoomCursor(last.AutoDeletionDate, null, last.RoomId),
            _ => new RoomCursor(last.CreationDate, null, last.RoomId),
        };
    }
}
