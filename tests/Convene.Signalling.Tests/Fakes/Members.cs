using Convene.Domain.Members;

namespace Convene.Signalling.Tests.Fakes;

public static class Members
{
    public static readonly RoomMemberPermissions All = new(true, true, true, true, true);

    public static RoomMember Moderator(string roomId, string id) => new(roomId, MeetingRole.Moderator, All, true, id, id.ToUpperInvariant());

    public static RoomMember Speaker(string roomId, string id, bool canChat = true) =>
        new(roomId, MeetingRole.Speaker, All with { CanRecord = false, CanDeleteRecordings = false, CanChat = canChat }, true, id, id.ToUpperInvariant());
}
