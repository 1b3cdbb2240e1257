namespace Convene.Server.Rooms;

/// <summary>The status update body: <c>open</c> or <c>closed</c> (OpenAPI documentation; validated by hand).</summary>
public sealed record RoomStatusBody(string Status);
