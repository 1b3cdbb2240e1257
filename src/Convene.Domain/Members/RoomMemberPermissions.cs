namespace Convene.Domain.Members;

/// <summary>The Meet permissions carried in a room member token's metadata (contract §4.3–4.4).</summary>
public sealed record RoomMemberPermissions(
    bool CanRecord,
    bool CanRetrieveRecordings,
    bool CanDeleteRecordings,
    bool CanChat,
    bool CanChangeVirtualBackground);
