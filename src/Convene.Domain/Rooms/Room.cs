namespace Convene.Domain.Rooms;

/// <summary>
/// A room: a named place with two role links (moderator, speaker) that can host one meeting at a time.
/// Dates are milliseconds since the Unix epoch, as on the wire.
/// </summary>
public sealed class Room
{
    public required string RoomId { get; init; }

    public required string RoomName { get; set; }

    public required long CreationDate { get; init; }

    public long? AutoDeletionDate { get; set; }

    public required AutoDeletionPolicy AutoDeletionPolicy { get; set; }

    public required RoomConfig Config { get; set; }

    public required string ModeratorSecret { get; init; }

    public required string SpeakerSecret { get; init; }

    public RoomStatus Status { get; set; } = RoomStatus.Open;

    public MeetingEndAction MeetingEndAction { get; set; } = MeetingEndAction.None;

    /// <summary>A detached copy (config and policy are immutable records and are shared).</summary>
    public Room Copy() => new()
    {
        RoomId = RoomId,
        RoomName = RoomName,
        CreationDate = CreationDate,
        AutoDeletionDate = AutoDeletionDate,
        AutoDeletionPolicy = AutoDeletionPolicy,
        Config = Config,
        ModeratorSecret = ModeratorSecret,
        SpeakerSecret = SpeakerSecret,
        Status = Status,
        MeetingEndAction = MeetingEndAction,
    };
}
