namespace Convene.Server.Config;

/// <summary>The <c>authentication</c> object of the security config (contract §7.3).</summary>
internal sealed record AuthenticationConfig(AuthMethodConfig AuthMethod, AuthModeToAccessRoom AuthModeToAccessRoom);
