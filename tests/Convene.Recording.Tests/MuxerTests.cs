using Convene.Recording.Muxing;

namespace Convene.Recording.Tests;

public sealed class MuxerTests
{
    [Fact]
    public async Task Vp8_track_written_by_the_muxer_probes_as_vp8_with_the_right_size_and_duration()
    {
        var dir = MediaFixtures.NewDirectory();
        var frames = await MediaFixtures.Vp8FramesAsync(dir, 3);
        var path = Path.Combine(dir, "v.webm");
        using (var writer = new WebmTrackWriter(File.Create(path), WebmCodec.Vp8, 42))
        {
            writer.WriteHeader(640, 360);
            foreach (var (pts, data) in frames)
            {
                writer.WriteFrame(pts * 1000 / 30, data, (data[0] & 1) == 0);
            }
        }

        var probe = await MediaFixtures.ProbeAsync(path);
        var stream = probe.GetProperty("streams")[0];
        Assert.Equal("vp8", stream.GetProperty("codec_name").GetString());
        Assert.Equal(640, stream.GetProperty("width").GetInt32());
        Assert.Equal(360, stream.GetProperty("height").GetInt32());
        Assert.InRange(MediaFixtures.Duration(probe), 2.9, 3.1);
        Assert.Equal(string.Empty, (await MediaFixtures.RunAsync("ffmpeg", "-v", "error", "-i", path, "-f", "null", "-")).Trim());
    }

    [Fact]
    public async Task Opus_track_written_by_the_muxer_probes_as_opus_48k_with_the_right_duration()
    {
        var dir = MediaFixtures.NewDirectory();
        var packets = await MediaFixtures.OpusPacketsAsync(dir, 2);
        var path = Path.Combine(dir, "a.webm");
        using (var writer = new WebmTrackWriter(File.Create(path), WebmCodec.Opus, 7))
        {
            writer.WriteHeader();
            for (var i = 0; i < packets.Count; i++)
            {
                writer.WriteFrame(i * 20, packets[i], true);
            }
        }

        var probe = await MediaFixtures.ProbeAsync(path);
        var stream = probe.GetProperty("streams")[0];
        Assert.Equal("opus", stream.GetProperty("codec_name").GetString());
        Assert.Equal("48000", stream.GetProperty("sample_rate").GetString());
        Assert.InRange(MediaFixtures.Duration(probe), 1.9, 2.1);
    }

    [Fact]
    public void Ebml_sizes_use_the_shortest_form_and_never_the_reserved_value()
    {
        var b = new EbmlBuffer();
        b.Size(0);
        b.Size(126);
        b.Size(127);
        b.Size(16382);
        b.Size(16383);
        Assert.Equal(new byte[] { 0x80, 0xFE, 0x40, 0x7F, 0x7F, 0xFE, 0x20, 0x3F, 0xFF }, b.WrittenSpan.ToArray());
    }

    [Fact]
    public void Timestamps_never_go_backwards_and_clusters_stay_within_16_bit_offsets()
    {
        using var memory = new MemoryStream();
        using var writer = new WebmTrackWriter(memory, WebmCodec.Opus, 1);
        writer.WriteHeader();
        writer.WriteFrame(1000, [1, 2, 3], true);
        writer.WriteFrame(900, [1, 2, 3], true);
        Assert.Equal(1000, writer.LastTimestampMs);
        writer.WriteFrame(100_000, [1], true);
        Assert.Equal(3, writer.FrameCount);
    }
}
