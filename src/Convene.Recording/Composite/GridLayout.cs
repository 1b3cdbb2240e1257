namespace Convene.Recording.Composite;

/// <summary>
/// The composite timeline: cut at every moment a tile appears or goes, and in each segment lay out in a grid
/// (columns = ⌈√n⌉) over a 1280×720 canvas the videos that are publishing, then one name tile for each participant who
/// is heard but has no video at that moment (camera off, or audio only).
/// </summary>
public static class GridLayout
{
    public const int Width = 1280;
    public const int Height = 720;

    /// <summary>Segments shorter than this (a frame at 25 fps) get no layout of their own.</summary>
    private const long MinSegmentMs = 40;

    /// <summary>Segments of the timeline [0, <paramref name="durationMs"/>) with the tiles visible in each.</summary>
    public static IReadOnlyList<LayoutSegment> Plan(IReadOnlyList<RecordedTrack> tracks, long durationMs)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        var usable = tracks.Where(t => t.StartOffsetMs is not null && t.Frames > 0).ToList();
        var videos = usable.Where(t => t.IsVideo).ToList();
        var audios = usable.Where(t => !t.IsVideo).ToList();
        var cuts = new SortedSet<long> { 0, durationMs };
        foreach (var v in videos)
        {
            cuts.Add(Math.Clamp(v.StartOffsetMs!.Value, 0, durationMs));
            cuts.Add(Math.Clamp(End(v, durationMs), 0, durationMs));
        }

        foreach (var a in audios)
        {
            // Only where the voice's tile would change the layout: the participant has no video at that moment.
            foreach (var at in new[] { a.StartOffsetMs!.Value, End(a, durationMs) })
            {
                if (!videos.Any(v => v.ParticipantId == a.ParticipantId && Covers(v, at, durationMs)))
                {
                    cuts.Add(Math.Clamp(at, 0, durationMs));
                }
            }
        }

        var points = cuts.ToList();
        var segments = new List<LayoutSegment>();
        for (var i = 0; i + 1 < points.Count; i++)
        {
            var (from, to) = (points[i], points[i + 1]);
            if (to - from < MinSegmentMs)
            {
                continue;
            }

            var visible = videos.Where(v => v.StartOffsetMs!.Value <= from && End(v, durationMs) >= to).ToList();
            var voices = audios
                .Where(a => a.StartOffsetMs!.Value <= from && End(a, durationMs) >= to)
                .Where(a => !visible.Any(v => v.ParticipantId == a.ParticipantId))
                .DistinctBy(a => a.ParticipantId)
                .ToList();
            var tiles = visible.Concat(voices).ToList();
            segments.Add(new LayoutSegment(from, to, [.. tiles.Select((t, index) => new LayoutCell(t, Cell(index, tiles.Count)))]));
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

    private static long End(RecordedTrack track, long durationMs) => track.EndOffsetMs ?? durationMs;

    private static bool Covers(RecordedTrack track, long at, long durationMs) => track.StartOffsetMs!.Value <= at && at <= End(track, durationMs);
}
