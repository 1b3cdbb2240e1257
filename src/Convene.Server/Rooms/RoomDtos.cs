using Convene.Domain.Rooms;

namespace Convene.Server.Rooms;

/// <summary>The MeetRoom wire object (contract §3.1). Null members are omitted.</summary>
public sealed record RoomDto(
    string RoomId,
    string RoomName,
    long CreationDate,
    long? AutoDeletionDate,
    AutoDeletionPolicyDto AutoDeletionPolicy,
    RoomConfigDto Config,
    string? ModeratorUrl,
    string SpeakerUrl,
    RoomStatus Status,
    MeetingEndAction MeetingEndAction);

/// <summary>Policies applied at the auto-deletion date.</summary>
public sealed record AutoDeletionPolicyDto(WithMeetingPolicy WithMeeting, WithRecordingsPolicy WithRecordings);

/// <summary>MeetRoomConfig (contract §7.1).</summary>
public sealed record RoomConfigDto(EnabledDto Chat, RecordingConfigDto Recording, EnabledDto VirtualBackground, EnabledDto E2ee);

/// <summary>A feature switch.</summary>
public sealed record EnabledDto(bool Enabled);

/// <summary>Recording switch and who may access recordings (absent when not stored).</summary>
public sealed record RecordingConfigDto(bool Enabled, RecordingAccess? AllowAccessTo);

/// <summary>Pagination block of list responses (contract §2.4); <see cref="NextPageToken"/> omitted when not truncated.</summary>
public sealed record PaginationDto(bool IsTruncated, string? NextPageToken, int MaxItems);

/// <summary>A deletion result (contract §3.5).</summary>
public sealed record RoomDeletedDto(string SuccessCode, string Message, RoomDto? Room);

/// <summary>Status change result (contract §3.8).</summary>
public sealed record RoomStatusDto(string Message, RoomDto Room);

/// <summary>One successful entry of a bulk delete (contract §3.6).</summary>
public sealed record BulkDeleteSuccessDto(string RoomId, string SuccessCode, string Message, RoomDto? Room);

/// <summary>One failed entry of a bulk delete.</summary>
public sealed record BulkDeleteFailureDto(string RoomId, string Error, string Message);

/// <summary>Bulk delete body: 200 with only <c>successful</c>, 400 with <c>failed</c> too.</summary>
public sealed record BulkDeleteDto(string Message, IReadOnlyList<BulkDeleteSuccessDto> Successful, IReadOnlyList<BulkDeleteFailureDto>? Failed);
