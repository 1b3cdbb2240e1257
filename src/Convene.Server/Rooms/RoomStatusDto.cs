using Convene.Domain.Rooms;

namespace Convene.Server.Rooms;

/// <summary>Status change result (contract §3.8).</summary>
public sealed record RoomStatusDto(string Message, RoomDto Room);
