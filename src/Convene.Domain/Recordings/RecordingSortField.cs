namespace Convene.Domain.Recordings;

public enum RecordingSortField
{
    StartDate,
    RoomName,
    Duration,
    Size,
}
