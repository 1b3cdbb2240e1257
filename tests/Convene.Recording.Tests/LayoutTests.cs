using Convene.Recording.Composite;

namespace Convene.Recording.Tests;

public sealed class LayoutTests
{
    private static RecordedTrack Video(string file, long? start, long? end) => new("T" + file, "p", "video", "vp8", file, start, end, 640, 360, 10, 100);

    [Fact]
    public void Grid_cells_tile_the_canvas()
    {
        Assert.Equal((0, 0, 1280, 720), GridLayout.Cell(0, 1));
        Assert.Equal((640, 0, 640, 720), GridLayout.Cell(1, 2));
        Assert.Equal((320, 360, 640, 360), GridLayout.Cell(2, 3)); // short last row is centred
        Assert.Equal((853, 480, 426, 240), GridLayout.Cell(8, 9));
    }

    [Fact]
    public void Timeline_is_cut_where_publishers_come_and_go()
    {
        var segments = GridLayout.Plan([Video("a", 0, null), Video("b", 1000, 3000), Video("never", null, null)], 4000);
        Assert.Equal([(0L, 1000L, 1), (1000L, 3000L, 2), (3000L, 4000L, 1)], segments.Select(s => (s.FromMs, s.ToMs, s.Cells.Count)));
    }
}
