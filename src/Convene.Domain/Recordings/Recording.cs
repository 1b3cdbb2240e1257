namespace Convene.Domain.Recordings;

/// <summary>
/// A recording's metadata with the fields of contract §3.9 plus its two share secrets. The recordings work fills
/// this table; rooms only ask whether a room has any and delete them with the room.
/// </summary>
public sealed class Recording
{
    public required string RecordingId { get; init; }

    public required string RoomId { get; init; }

    public required string RoomName { get; set; }

    public RecordingStatus Status { get; set; }

    public required string Filename { get; set; }

    public long? StartDate { get; set; }

    public long? EndDate { get; set; }

    public double? Duration { get; set; }

    public long? Size { get; set; }

    public int? ErrorCode { get; set; }

    public string? Error { get; set; }

    public string? Details { get; set; }

    public required string PublicSecret { get; init; }

    public required string PrivateSecret { get; init; }
}
