using Convene.Domain.Rooms;

namespace Convene.Server.Rooms;

/// <summary>A deletion result (contract §3.5).</summary>
public sealed record RoomDeletedDto(string SuccessCode, string Message, RoomDto? Room);
