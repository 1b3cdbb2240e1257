using Convene.Domain.Members;

namespace Convene.Server.Apis;

/// <summary>LiveKit-style grant and Meet permissions.</summary>
internal sealed record RoomRolePermissionsDto(System.Text.Json.Nodes.JsonObject Livekit, RoomMemberPermissions Meet);
