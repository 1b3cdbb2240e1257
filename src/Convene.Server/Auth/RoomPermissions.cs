using Convene.Domain.Members;
using Convene.Domain.Rooms;

namespace Convene.Server.Auth;

/// <summary>The Meet permissions of each role for a room's config (contract §4.4).</summary>
internal static class RoomPermissions
{
    public static RoomMemberPermissions For(MeetingRole role, RoomConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var access = config.RecordingAllowAccessTo;
        return role == MeetingRole.Moderator
            ? new RoomMemberPermissions(
                CanRecord: true,
                CanRetrieveRecordings: access is not null and not RecordingAccess.Admin,
                CanDeleteRecordings: access is not null and not RecordingAccess.Admin,
                CanChat: true,
                CanChangeVirtualBackground: true)
            : new RoomMemberPermissions(
                CanRecord: false,
                CanRetrieveRecordings: access is RecordingAccess.AdminModeratorSpeaker,
                CanDeleteRecordings: false,
                CanChat: true,
                CanChangeVirtualBackground: true);
    }
}
