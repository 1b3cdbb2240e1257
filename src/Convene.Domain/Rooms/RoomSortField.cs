namespace Convene.Domain.Rooms;

/// <summary>The fields a room list can be sorted by (contract §3.3).</summary>
public enum RoomSortField
{
    CreationDate,
    RoomName,
    AutoDeletionDate,
}
