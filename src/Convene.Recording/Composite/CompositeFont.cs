namespace Convene.Recording.Composite;

/// <summary>
/// The font and the text of the composite's name tiles. Names go into ffmpeg's filter graph, so they are reduced to
/// letters, digits, spaces and <c>.-_</c> (no quoting or escaping to get wrong), and a font path is used only if it
/// is made of plain path characters.
/// </summary>
public static class CompositeFont
{
    /// <summary>Longest name written on a tile, in characters.</summary>
    public const int MaxLabelLength = 32;

    /// <summary>Where Debian's font packages put a sans-serif TrueType font (fonts-dejavu-core comes with ffmpeg).</summary>
    private static readonly string[] Candidates =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
        "/usr/share/fonts/truetype/freefont/FreeSans.ttf",
    ];

    /// <summary>The first installed candidate font, or null (name tiles then carry no text).</summary>
    public static string? Find() => Candidates.FirstOrDefault(File.Exists);

    /// <summary>The name as written on a tile, or null when nothing writable is left.</summary>
    public static string? SafeLabel(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var kept = new string([.. name.Where(c => char.IsLetterOrDigit(c) || c is ' ' or '.' or '-' or '_')]).Trim();
        if (kept.Length > MaxLabelLength)
        {
            kept = kept[..MaxLabelLength].TrimEnd();
        }

        return kept.Length == 0 ? null : kept;
    }

    /// <summary>Whether a path can go into the filter graph unquoted.</summary>
    public static bool IsSafePath(string path) =>
        path.Length > 0 && path.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '-' or '_');
}
