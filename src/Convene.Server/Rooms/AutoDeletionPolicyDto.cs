using Convene.Domain.Rooms;

namespace Convene.Server.Rooms;

/// <summary>Policies applied at the auto-deletion date.</summary>
public sealed record AutoDeletionPolicyDto(WithMeetingPolicy WithMeeting, WithRecordingsPolicy WithRecordings);
