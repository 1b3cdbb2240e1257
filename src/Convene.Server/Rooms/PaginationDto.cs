using Convene.Domain.Rooms;

namespace Convene.Server.Rooms;

/// <summary>Pagination block of list responses (contract §2.4); <see cref="NextPageToken"/> omitted when not truncated.</summary>
public sealed record PaginationDto(bool IsTruncated, string? NextPageToken, int MaxItems);
