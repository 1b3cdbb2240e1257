using Convene.Domain.Members;
using Microsoft.Extensions.Logging;

namespace Convene.Signalling.Meetings;

internal sealed partial class Meeting
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Room {RoomId}: {ParticipantId} joined as {Role}")]
    private partial void LogJoined(string roomId, string participantId, MeetingRole role);

    [LoggerMessage(Level = LogLevel.Information, Message = "Room {RoomId}: {ParticipantId} reconnected")]
    private partial void LogReconnected(string roomId, string participantId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Room {RoomId}: {ParticipantId} lost its connection")]
    private partial void LogConnectionLost(string roomId, string participantId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Room {RoomId}: {ParticipantId} left ({Reason})")]
    private partial void LogLeft(string roomId, string participantId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Room {RoomId}: {ParticipantId} is now {Role}")]
    private partial void LogRoleChanged(string roomId, string participantId, MeetingRole role);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Room {RoomId}: {ParticipantId} published {Added} and unpublished {Removed} tracks")]
    private partial void LogPublished(string roomId, string participantId, int added, int removed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Room {RoomId}: media refused a peer for {ParticipantId}: {Reason}")]
    private partial void LogPeerRefused(string roomId, string participantId, string reason);
}
