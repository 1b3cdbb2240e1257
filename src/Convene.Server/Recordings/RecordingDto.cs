namespace Convene.Server.Recordings;

/// <summary>MeetRecording (contract §3.9); zero/absent values are omitted.</summary>
public sealed record RecordingDto(
    string RecordingId,
    string RoomId,
    string RoomName,
    string Status,
    string Filename,
    long? StartDate,
    long? EndDate,
    double? Duration,
    long? Size,
    int? ErrorCode,
    string? Error,
    string? Details);
