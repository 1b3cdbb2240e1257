using Microsoft.Extensions.Logging;

namespace Convene.Domain.Rooms;

public sealed partial class RoomService
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Room {RoomId} created")]
    private partial void LogRoomCreated(string roomId);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Meeting started in room {RoomId}")]
    private partial void LogMeetingStarted(string roomId);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Meeting ended in room {RoomId}; end action {Action}")]
    private partial void LogMeetingEnded(string roomId, MeetingEndAction action);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "Expired room {RoomId} processed: {Code}")]
    private partial void LogExpiredRoomProcessed(string roomId, string code);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "Expired room {RoomId} could not be processed")]
    private partial void LogExpiredRoomFailed(string roomId, Exception exception);
}
