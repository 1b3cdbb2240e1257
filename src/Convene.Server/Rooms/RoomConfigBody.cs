namespace Convene.Server.Rooms;

/// <summary>The config update body (OpenAPI documentation; validated by hand).</summary>
public sealed record RoomConfigBody(RoomConfigDto Config);
