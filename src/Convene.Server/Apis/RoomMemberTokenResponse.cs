namespace Convene.Server.Apis;

/// <summary>Token response.</summary>
internal sealed record RoomMemberTokenResponse(string Token);
