namespace Convene.Server.Apis;

/// <summary>Change-password body (OpenAPI documentation).</summary>
internal sealed record ChangePasswordBody(string CurrentPassword, string NewPassword);
