namespace Convene.Signalling.Protocol;

internal sealed record RoomInfo(string RoomId, string RoomName, RoomConfigInfo Config);
