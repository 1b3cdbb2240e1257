using Convene.Recording.Composite;

namespace Convene.Recording.Tests;

public sealed class LayoutTests
{
    private static RecordedTrack Video(string file, long? start, long? end, string participant = "p") =>
        new("T" + file, participant, "video", "vp8", file, start, end, 640, 360, 10, 100);

    private static RecordedTrack Audio(string file, long? start, long? end, string participant) =>
        new("T" + file, participant, "audio", "opus", file, start, end, 0, 0, 10, 100, participant.ToUpperInvariant());

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

    [Fact]
    public void A_participant_heard_without_video_gets_a_name_tile_while_their_camera_is_off()
    {
        // Ada has a camera from 0 to 2 s and a microphone throughout; Bob only a microphone from 1 s.
        var segments = GridLayout.Plan([Video("ada-v", 0, 2000, "ada"), Audio("ada-a", 0, null, "ada"), Audio("bob-a", 1000, null, "bob")], 4000);

        Assert.Equal(
            [(0L, 1000L, "ada-v"), (1000L, 2000L, "ada-v bob-a"), (2000L, 4000L, "ada-a bob-a")],
            segments.Select(s => (s.FromMs, s.ToMs, string.Join(' ', s.Cells.Select(c => c.Track.FileName)))));
        Assert.Equal((640, 0, 640, 720), segments[1].Cells[1].Area);
    }

    [Fact]
    public void Audio_boundaries_of_someone_on_camera_do_not_cut_the_timeline()
    {
        var segments = GridLayout.Plan([Video("ada-v", 0, null, "ada"), Audio("ada-a", 500, 1500, "ada")], 4000);

        Assert.Equal([(0L, 4000L, 1)], segments.Select(s => (s.FromMs, s.ToMs, s.Cells.Count)));
    }

    [Theory]
    [InlineData("Ada Lovelace", "Ada Lovelace")]
    [InlineData("O'Brien: [x], y; 100%", "OBrien x y 100")]
    [InlineData("Zoë-Anne_2.0", "Zoë-Anne_2.0")]
    [InlineData("'\\:,;", null)]
    [InlineData("  ", null)]
    [InlineData(null, null)]
    public void Names_are_reduced_to_characters_that_need_no_escaping_in_a_filter_graph(string? name, string? expected) =>
        Assert.Equal(expected, CompositeFont.SafeLabel(name));

    [Fact]
    public void Long_names_are_cut_and_unsafe_font_paths_refused()
    {
        Assert.Equal(CompositeFont.MaxLabelLength, CompositeFont.SafeLabel(new string('a', 100))!.Length);
        Assert.True(CompositeFont.IsSafePath("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"));
        Assert.False(CompositeFont.IsSafePath("/tmp/it's:here.ttf"));
    }
}
