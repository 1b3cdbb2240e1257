namespace Convene.Domain.Rooms;

/// <summary>Every outcome of a room deletion (contract §3.5). The wire code is the snake_case of the name.</summary>
public enum RoomDeletionCode
{
    RoomDeleted,
    RoomWithActiveMeetingDeleted,
    RoomWithActiveMeetingScheduledToBeDeleted,
    RoomHasActiveMeeting,
    RoomAndRecordingsDeleted,
    RoomClosed,
    RoomHasRecordings,
    RoomWithActiveMeetingAndRecordingsDeleted,
    RoomWithActiveMeetingClosed,
    RoomWithActiveMeetingHasRecordings,
    RoomWithActiveMeetingAndRecordingsScheduledToBeDeleted,
    RoomWithActiveMeetingScheduledToBeClosed,
    RoomWithActiveMeetingHasRecordingsCannotScheduleDeletion,
    RoomWithRecordingsHasActiveMeeting,
    RoomNotFound,
}
