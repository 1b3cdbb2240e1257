namespace Convene.Server.Apis;

/// <summary>Login response.</summary>
internal sealed record LoginResponse(string Message, string AccessToken, string RefreshToken);
