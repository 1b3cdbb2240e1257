namespace Convene.Signalling.Protocol;

/// <summary>WebSocket close codes of docs/protocol.md.</summary>
internal static class CloseCodes
{
    public const int Normal = 1000;
    public const int PolicyViolation = 1008;
    public const int Unauthenticated = 4401;
    public const int RoomNotFound = 4404;
    public const int RoomClosed = 4409;
}
