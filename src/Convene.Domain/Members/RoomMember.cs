namespace Convene.Domain.Members;

/// <summary>
/// Who a validated room member token says the caller is. Produced by the server's token validation and handed to
/// the signalling layer; <see cref="ParticipantId"/> and <see cref="Name"/> are set only when the token grants
/// joining the meeting.
/// </summary>
public sealed record RoomMember(
    string RoomId,
    MeetingRole Role,
    RoomMemberPermissions Permissions,
    bool CanJoinMeeting,
    string? ParticipantId,
    string? Name);
