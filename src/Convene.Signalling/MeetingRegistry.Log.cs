using Microsoft.Extensions.Logging;

namespace Convene.Signalling;

public sealed partial class MeetingRegistry
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Meeting started in room {RoomId}")]
    private partial void LogMeetingStarted(string roomId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Meeting in room {RoomId} ended ({Why})")]
    private partial void LogMeetingEnded(string roomId, string why);

    [LoggerMessage(Level = LogLevel.Error, Message = "Room {RoomId}: applying the end of the meeting failed")]
    private partial void LogMeetingEndedFailed(Exception exception, string roomId);
}
