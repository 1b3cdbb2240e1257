namespace Convene.Signalling.Protocol;

internal sealed record RoomConfigUpdatedEvent(RoomConfigInfo Config) : ServerMessage;
