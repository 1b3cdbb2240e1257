namespace Convene.Signalling.Protocol;

/// <summary>The <c>error.code</c> values of docs/protocol.md.</summary>
internal static class ErrorCodes
{
    public const string BadMessage = "bad_message";
    public const string UnknownType = "unknown_type";
    public const string NotJoined = "not_joined";
    public const string InvalidToken = "invalid_token";
    public const string RoomClosed = "room_closed";
    public const string RoomNotFound = "room_not_found";
    public const string Forbidden = "forbidden";
    public const string ChatDisabled = "chat_disabled";
    public const string SdpRejected = "sdp_rejected";
    public const string RateLimited = "rate_limited";
}
