namespace Convene.Domain.Recordings;

/// <summary>Filters, order and page of a recordings listing (contract §3.10). Room id and name are OR-ed unless <see cref="AndRoomFilters"/>.</summary>
public sealed record RecordingListQuery(
    string? RoomId,
    string? RoomNameContains,
    RecordingStatus? Status,
    RecordingSortField SortField,
    bool Descending,
    int MaxItems,
    int Offset,
    bool AndRoomFilters);
