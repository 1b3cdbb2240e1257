namespace Convene.Server.Apis;

/// <summary>Refresh response.</summary>
internal sealed record RefreshResponse(string Message, string AccessToken);
