using Convene.Domain.Rooms;

namespace Convene.Server.Rooms;

/// <summary>MeetRoomConfig (contract §7.1).</summary>
public sealed record RoomConfigDto(EnabledDto Chat, RecordingConfigDto Recording, EnabledDto VirtualBackground, EnabledDto E2ee);
