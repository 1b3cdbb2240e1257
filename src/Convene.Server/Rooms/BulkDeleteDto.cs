using Convene.Domain.Rooms;

namespace Convene.Server.Rooms;

/// <summary>Bulk delete body: 200 with only <c>successful</c>, 400 with <c>failed</c> too.</summary>
public sealed record BulkDeleteDto(string Message, IReadOnlyList<BulkDeleteSuccessDto> Successful, IReadOnlyList<BulkDeleteFailureDto>? Failed);
