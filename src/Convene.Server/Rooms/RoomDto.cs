using Convene.Domain.Rooms;

namespace Convene.Server.Rooms;

/// <summary>The MeetRoom wire object (contract §3.1). Null members are omitted.</summary>
public sealed record RoomDto(
    string RoomId,
    string RoomName,
    long CreationDate,
    long? AutoDeletionDate,
    AutoDeletionPolicyDto AutoDeletionPolicy,
    RoomConfigDto Config,
    string? ModeratorUrl,
    string SpeakerUrl,
    RoomStatus Status,
    MeetingEndAction MeetingEndAction);
