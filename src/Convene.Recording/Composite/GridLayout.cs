namespace Convene.Recording.Composite;

/// <summary>
/// The composite timeline: cut at every moment a video track starts or stops, and in each segment tile the
/// videos that are publishing in a grid (columns = ⌈√n⌉) over a 1280×720 canvas.
/// </summary>
public static class GridLayout
{
    public const int Width = 1280;
    public const int Height = 720;

    /// <summary>Segments of the timeline [0, <paramref name="durationMs"/>) with the video tracks visible in each.</summary>
    public static IReadOnlyList<LayoutSegment> Plan(IReadOnlyList<RecordedTrack> videos, long durationMs)
    {
        ArgumentNullException.ThrowIfNull(videos);
        var usable = videos.Where(v => v.StartOffsetMs is not null && v.Frames > 0).ToList();
        var cuts = new SortedSet<long> { 0, durationMs };
        foreach (var v in usable)
        {
            cuts.Add(Math.Clamp(v.StartOffsetMs!.Value, 0, durationMs));
            cuts.Add(Math.Clamp(End(v, durationMs), 0, durationMs));
        }

        var points = cuts.ToList();
        var segments = new List<LayoutSegment>();
        for (var i = 0; i + 1 < points.Count; i++)
        {
            var (from, to) = (points[i], points[i + 1]);
            if (to - from < 40)
            {
                continue; // shorter than a frame at 25 fps: not worth a layout
            }

            var visible = usable.Where(v => v.StartOffsetMs!.Value <= from && End(v, durationMs) >= to).ToList();
            segments.Add(new LayoutSegment(from, to, [.. visible.Select((v, index) => new LayoutCell(v, Cell(index, visible.Count)))]));
        }

        return segments;
    }

    /// <summary>Where the <paramref name="index"/>-th of <paramref name="count"/> tiles goes: (x, y, width, height), all even.</summary>
    public static (int X, int Y, int W, int H) Cell(int index, int count)
    {
        var columns = (int)Math.Ceiling(Math.Sqrt(count));
        var rows = (int)Math.Ceiling(count / (double)columns);
        var w = Width / columns / 2 * 2;
        var h = Height / rows / 2 * 2;
        var row = index / columns;
        var inRow = row == rows - 1 ? count - (row * columns) : columns;
        var xOffset = (Width - (inRow * w)) / 2; // centre a short last row
        return (xOffset + (index % columns * w), row * h, w, h);
    }

    private static long End(RecordedTrack v, long durationMs) => v.EndOffsetMs ?? durationMs;
}
