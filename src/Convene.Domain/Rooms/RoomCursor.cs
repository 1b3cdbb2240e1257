namespace Convene.Domain.Rooms;

/// <summary>
/// Where a page ended: the sort-field value of its last room (a number or a text, or neither when that room lacked the
/// field) and the room id that breaks ties. Keyset pagination continues strictly after it.
/// </summary>
public sealed record RoomCursor(long? Number, string? Text, string RoomId);
