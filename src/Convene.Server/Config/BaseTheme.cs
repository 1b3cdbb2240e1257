namespace Convene.Server.Config;

/// <summary>The palette a custom theme starts from.</summary>
internal enum BaseTheme
{
    Light,
    Dark,
}
