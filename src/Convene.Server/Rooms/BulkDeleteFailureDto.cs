using Convene.Domain.Rooms;

namespace Convene.Server.Rooms;

/// <summary>One failed entry of a bulk delete.</summary>
public sealed record BulkDeleteFailureDto(string RoomId, string Error, string Message);
