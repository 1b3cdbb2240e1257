namespace Convene.Server.Apis;

/// <summary>Login body (OpenAPI documentation).</summary>
internal sealed record LoginBody(string Username, string Password);
