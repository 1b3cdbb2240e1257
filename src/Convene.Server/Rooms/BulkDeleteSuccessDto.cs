using Convene.Domain.Rooms;

namespace Convene.Server.Rooms;

/// <summary>One successful entry of a bulk delete (contract §3.6).</summary>
public sealed record BulkDeleteSuccessDto(string RoomId, string SuccessCode, string Message, RoomDto? Room);
