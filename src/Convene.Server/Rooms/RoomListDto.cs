namespace Convene.Server.Rooms;

/// <summary>List response: rooms (full objects or projections) and pagination.</summary>
public sealed record RoomListDto(IReadOnlyList<object> Rooms, PaginationDto Pagination);
