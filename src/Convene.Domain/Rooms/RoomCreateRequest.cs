namespace Convene.Domain.Rooms;

/// <summary>A validated create request (contract §3.2); the name is already trimmed and collapsed.</summary>
public sealed record RoomCreateRequest(
    string RoomName,
    long? AutoDeletionDate,
    AutoDeletionPolicy AutoDeletionPolicy,
    RoomConfig Config);
