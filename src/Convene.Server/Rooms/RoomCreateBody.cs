namespace Convene.Server.Rooms;

/// <summary>The create body, documented for OpenAPI only: the handler validates raw JSON by hand.</summary>
public sealed record RoomCreateBody(string? RoomName, long? AutoDeletionDate, AutoDeletionPolicyDto? AutoDeletionPolicy, RoomConfigDto? Config);
