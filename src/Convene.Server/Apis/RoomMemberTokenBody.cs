namespace Convene.Server.Apis;

/// <summary>Token request body (OpenAPI documentation; validated by hand).</summary>
internal sealed record RoomMemberTokenBody(string Secret, bool? GrantJoinMeetingPermission, string? ParticipantName, string? ParticipantIdentity);
