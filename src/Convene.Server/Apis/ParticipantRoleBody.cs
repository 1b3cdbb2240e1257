namespace Convene.Server.Apis;

/// <summary>Body of <c>PUT /internal-api/v1/meetings/{roomId}/participants/{id}/role</c> (documentation only).</summary>
public sealed record ParticipantRoleBody(string Role);
