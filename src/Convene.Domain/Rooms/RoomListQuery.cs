namespace Convene.Domain.Rooms;

/// <summary>A validated room list request (contract §3.3); <see cref="MaxItems"/> is already clamped to 1–100.</summary>
public sealed record RoomListQuery(
    string? RoomNameContains,
    RoomStatus? Status,
    RoomSortField SortField,
    bool Descending,
    int MaxItems,
    RoomCursor? After);
