namespace Convene.Server.Config;

/// <summary><c>{"type":"single_user"}</c>.</summary>
internal sealed record AuthMethodConfig(AuthMethodType Type);
