namespace Convene.Server.Config;

/// <summary>The rooms' appearance (contract §7.2): no theme by default, exactly one once saved.</summary>
internal sealed record AppearanceConfig(IReadOnlyList<ThemeConfig> Themes)
{
    public static AppearanceConfig Default { get; } = new([]);
}
