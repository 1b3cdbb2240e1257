namespace Convene.Server.Config;

/// <summary>The global security config document (contract §7.3).</summary>
internal sealed record SecurityConfig(AuthenticationConfig Authentication)
{
    public static SecurityConfig Default { get; } =
        new(new AuthenticationConfig(new AuthMethodConfig(AuthMethodType.SingleUser), AuthModeToAccessRoom.None));
}
