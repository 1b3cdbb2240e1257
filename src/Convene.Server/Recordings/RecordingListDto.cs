using Convene.Server.Rooms;

namespace Convene.Server.Recordings;

public sealed record RecordingListDto(IReadOnlyList<object> Recordings, PaginationDto Pagination);
