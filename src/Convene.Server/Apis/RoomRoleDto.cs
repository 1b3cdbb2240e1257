namespace Convene.Server.Apis;

/// <summary>A role and its permissions (contract §4.4; the inner object is <c>meet</c>, as the code returns).</summary>
internal sealed record RoomRoleDto(string Role, RoomRolePermissionsDto Permissions);
