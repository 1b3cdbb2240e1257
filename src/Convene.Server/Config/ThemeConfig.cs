namespace Convene.Server.Config;

/// <summary>A meeting theme (contract §7.2); colours are hex codes, absent ones fall back to the base theme.</summary>
internal sealed record ThemeConfig(
    string Name,
    bool Enabled,
    BaseTheme BaseTheme,
    string? BackgroundColor = null,
    string? PrimaryColor = null,
    string? SecondaryColor = null,
    string? AccentColor = null,
    string? SurfaceColor = null)
{
    /// <summary>This theme with every colour it leaves out taken from <paramref name="stored"/> (contract §7.2).</summary>
    public ThemeConfig InheritColoursFrom(ThemeConfig? stored) => stored is null
        ? this
        : this with
        {
            BackgroundColor = BackgroundColor ?? stored.BackgroundColor,
            PrimaryColor = PrimaryColor ?? stored.PrimaryColor,
            SecondaryColor = SecondaryColor ?? stored.SecondaryColor,
            AccentColor = AccentColor ?? stored.AccentColor,
            SurfaceColor = SurfaceColor ?? stored.SurfaceColor,
        };
}
